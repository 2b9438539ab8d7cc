package org.featureworkbench.ui.datasets;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.featureworkbench.dataset.DatasetSpec;
import org.featureworkbench.dataset.DatasetSplit;
import org.featureworkbench.model.UserTimes;
import org.featureworkbench.query.ExportFormat;
import org.featureworkbench.ui.dialog.DialogService;

/**
 * The options of the Datasets form (SageMaker's DatasetBuilder options, issue 11) and the output
 * file: typed times, counts, the split and the format, each with its own inline message. The
 * output follows the base's name ({@code exports/<base>-dataset.csv}) until the user picks one.
 */
public final class DatasetOptionsViewModel {
    static final String DEFAULT_SPLIT = "train=0.8,validation=0.1,test=0.1";

    private final Path exports;
    private final DialogService dialogs;
    private final BooleanProperty pointInTime = new SimpleBooleanProperty(this, "pointInTime", true);
    private final StringProperty asOf = new SimpleStringProperty(this, "asOf", "");
    private final StringProperty eventFrom = new SimpleStringProperty(this, "eventFrom", "");
    private final StringProperty eventTo = new SimpleStringProperty(this, "eventTo", "");
    private final BooleanProperty includeDeleted = new SimpleBooleanProperty(this, "includeDeleted", false);
    private final BooleanProperty includeDuplicates = new SimpleBooleanProperty(this, "includeDuplicates", false);
    private final StringProperty recent = new SimpleStringProperty(this, "recent", "");
    private final StringProperty limit = new SimpleStringProperty(this, "limit", "");
    private final ObjectProperty<SplitChoice> split = new SimpleObjectProperty<>(this, "split", SplitChoice.NONE);
    private final StringProperty splitParts = new SimpleStringProperty(this, "splitParts", DEFAULT_SPLIT);
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "42");
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.CSV);
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty asOfError = new SimpleStringProperty(this, "asOfError", "");
    private final StringProperty eventFromError = new SimpleStringProperty(this, "eventFromError", "");
    private final StringProperty eventToError = new SimpleStringProperty(this, "eventToError", "");
    private final StringProperty recentError = new SimpleStringProperty(this, "recentError", "");
    private final StringProperty limitError = new SimpleStringProperty(this, "limitError", "");
    private final StringProperty splitError = new SimpleStringProperty(this, "splitError", "");
    private final StringProperty seedError = new SimpleStringProperty(this, "seedError", "");
    private final StringProperty outputError = new SimpleStringProperty(this, "outputError", "");
    private String defaultOutput = "";

    /** @param exports the workspace's exports folder, where outputs go unless the user picks another place */
    DatasetOptionsViewModel(Path exports, DialogService dialogs) {
        this.exports = exports;
        this.dialogs = dialogs;
        format.addListener((o, old, now) -> {
            if (old != null && now != null && output.get().toLowerCase(Locale.ROOT).endsWith("." + old.extension())) {
                String text = output.get();
                boolean followsDefault = text.equals(defaultOutput);
                output.set(text.substring(0, text.length() - old.extension().length()) + now.extension());
                if (followsDefault) {
                    defaultOutput = output.get();
                }
            }
        });
        split.addListener((o, old, now) -> {
            splitError.set("");
            seedError.set("");
        });
    }

    /** Proposes {@code exports/<name>-dataset.<ext>} unless the user chose another output. */
    void proposeOutput(String baseName) {
        String proposal = exports.resolve(baseName + "-dataset." + format.get().extension()).toString();
        if (output.get().isBlank() || output.get().equals(defaultOutput)) {
            output.set(proposal);
        }
        defaultOutput = proposal;
    }

    /** Asks where to write the dataset (a save dialog in the exports folder). */
    public void chooseOutput() {
        Path current = currentOutput();
        Path folder = current != null && current.getParent() != null ? current.getParent() : exports;
        String name = current != null && current.getFileName() != null ? current.getFileName().toString()
                : "dataset." + format.get().extension();
        dialogs.chooseFileToSave("Write the dataset to", folder, name, "CSV or Parquet", "*.csv;*.parquet")
                .ifPresent(chosen -> {
                    format.set(ExportFormat.forFile(chosen));
                    output.set(chosen.toString());
                });
    }

    private Path currentOutput() {
        try {
            return output.get().isBlank() ? null : Path.of(output.get().strip());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * {@code spec} with the options the fields describe; fields that are wrong get their message and
     * their default in the result (the caller asks {@code check.ok()} before using it).
     */
    DatasetSpec apply(DatasetSpec spec, FormCheck check) {
        Instant asOfTime = check.read(asOfError, () -> time(asOf.get(), false));
        Instant from = check.read(eventFromError, () -> time(eventFrom.get(), false));
        Instant to = check.read(eventToError, () -> time(eventTo.get(), true));
        if (from != null && to != null && from.isAfter(to)) {
            check.fail(eventToError, "the range ends before it starts (" + to + " is before " + from + ")");
        }
        Long recentRows = check.read(recentError, () -> count(recent.get(), Integer.MAX_VALUE));
        Long limitRows = check.read(limitError, () -> count(limit.get(), Long.MAX_VALUE));
        DatasetSplit cut = null;
        if (split.get().mode() != null) {
            Long seedValue = split.get() == SplitChoice.RANDOM ? check.read(seedError, this::seedValue) : Long.valueOf(0);
            cut = check.read(splitError, () -> DatasetSplit.parse(splitParts.get(), split.get().mode(),
                    seedValue == null ? 0 : seedValue, "split"));
        }
        DatasetSpec result = spec.withAsOf(asOfTime).withEventRange(from, to)
                .withIncludeDeleted(includeDeleted.get()).withIncludeDuplicates(includeDuplicates.get())
                .withRecent(recentRows == null ? 0 : recentRows.intValue()).withLimit(limitRows == null ? 0 : limitRows)
                .withPointInTime(pointInTime.get()).withSplit(cut).withFormat(format.get());
        return result;
    }

    /** The output file, or null when the field is wrong (its message is set). */
    Path output(FormCheck check) {
        return check.read(outputError, () -> {
            String text = output.get().strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("choose where to write the dataset");
            }
            Path p;
            try {
                p = Path.of(text).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + text + "' is not a file path");
            }
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            String ext = "." + format.get().extension();
            if (!name.endsWith(ext)) {
                throw new IllegalArgumentException("the format is " + format.get().name() + ", so the file name "
                        + "should end in " + ext + " (parts become <name>-train" + ext + "…)");
            }
            return p;
        });
    }

    /** Puts a builder's message beside the option it names ({@code --out}, {@code --limit}…); false when none. */
    boolean mark(String field, String reason) {
        StringProperty target = switch (field) {
            case "--as-of" -> asOfError;
            case "--event-range" -> eventToError;
            case "--recent" -> recentError;
            case "--limit" -> limitError;
            case "--split", "split" -> splitError;
            case "--out" -> outputError;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.set(reason);
        return true;
    }

    private static Instant time(String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UserTimes.parse(text, endOfDay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a date or time; type e.g. 2026-03-01 "
                    + "or 2026-03-01T10:30 (UTC), or leave it empty");
        }
    }

    private static Long count(String text, long max) {
        if (text == null || text.isBlank()) {
            return 0L;
        }
        try {
            long n = Long.parseLong(text.strip().replace(",", "").replace("_", ""));
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a whole number of rows; "
                    + "leave it empty for all rows");
        }
    }

    private Long seedValue() {
        try {
            return Long.parseLong(seed.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the seed must be a whole number, e.g. 42");
        }
    }

    public BooleanProperty pointInTimeProperty() {
        return pointInTime;
    }

    /** The as-of time as typed; empty = the moment the build starts. */
    public StringProperty asOfProperty() {
        return asOf;
    }

    public StringProperty eventFromProperty() {
        return eventFrom;
    }

    public StringProperty eventToProperty() {
        return eventTo;
    }

    public BooleanProperty includeDeletedProperty() {
        return includeDeleted;
    }

    public BooleanProperty includeDuplicatesProperty() {
        return includeDuplicates;
    }

    /** The N most recent base rows per record id, as typed; empty = all. */
    public StringProperty recentProperty() {
        return recent;
    }

    /** The row limit as typed; empty = all. */
    public StringProperty limitProperty() {
        return limit;
    }

    public ObjectProperty<SplitChoice> splitProperty() {
        return split;
    }

    /** The parts, {@code train=0.8,validation=0.1,test=0.1}. */
    public StringProperty splitPartsProperty() {
        return splitParts;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** The output file's path as typed or chosen. */
    public StringProperty outputProperty() {
        return output;
    }

    public ReadOnlyStringProperty asOfErrorProperty() {
        return asOfError;
    }

    public ReadOnlyStringProperty eventFromErrorProperty() {
        return eventFromError;
    }

    public ReadOnlyStringProperty eventToErrorProperty() {
        return eventToError;
    }

    public ReadOnlyStringProperty recentErrorProperty() {
        return recentError;
    }

    public ReadOnlyStringProperty limitErrorProperty() {
        return limitError;
    }

    public ReadOnlyStringProperty splitErrorProperty() {
        return splitError;
    }

    public ReadOnlyStringProperty seedErrorProperty() {
        return seedError;
    }

    public ReadOnlyStringProperty outputErrorProperty() {
        return outputError;
    }
}
