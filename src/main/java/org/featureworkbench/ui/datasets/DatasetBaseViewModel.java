package org.featureworkbench.ui.datasets;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.dataset.DatasetBase;
import org.featureworkbench.model.FeatureDefinition;
import org.featureworkbench.model.FeatureGroup;
import org.featureworkbench.ui.dialog.DialogService;

/**
 * The base of the dataset: a feature group, a CSV or Parquet file of labelled events, or a
 * query, and for a file or query the columns holding the record id and the event time. Each kind
 * keeps what was typed for it, so switching kinds loses nothing. {@link #columns()} are the base's
 * columns as far as known: a group's features, or a file's or query's columns once previewed.
 */
public final class DatasetBaseViewModel {
    private final DatasetGroups groups;
    private final DialogService dialogs;
    private final ObjectProperty<DatasetBase.Kind> kind = new SimpleObjectProperty<>(this, "kind", DatasetBase.Kind.GROUP);
    private final StringProperty group = new SimpleStringProperty(this, "group");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty idColumn = new SimpleStringProperty(this, "idColumn");
    private final StringProperty timeColumn = new SimpleStringProperty(this, "timeColumn");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper(this, "keyText", "");
    private final StringProperty sourceError = new SimpleStringProperty(this, "sourceError", "");
    private final StringProperty idError = new SimpleStringProperty(this, "idError", "");
    private final StringProperty timeError = new SimpleStringProperty(this, "timeError", "");

    DatasetBaseViewModel(DatasetGroups groups, DialogService dialogs) {
        this.groups = groups;
        this.dialogs = dialogs;
        // A group's columns are its features, known at once; a file's or query's come with its preview.
        kind.addListener((o, old, now) -> sourceChanged());
        group.addListener((o, old, now) -> sourceChanged());
        file.addListener((o, old, now) -> sourceChanged());
        query.addListener((o, old, now) -> {
            if (kind.get() == DatasetBase.Kind.QUERY) {
                columns.clear();
            }
        });
    }

    private void sourceChanged() {
        sourceError.set("");
        if (kind.get() == DatasetBase.Kind.GROUP) {
            columns.setAll(chosenGroup().map(g -> g.features().stream().map(FeatureDefinition::name).toList())
                    .orElse(List.of()));
            keyText.set(chosenGroup().map(g -> "Record id " + g.definition().recordIdentifierFeatureName()
                    + " · event time " + g.definition().eventTimeFeatureName() + " · one base row per stored version")
                    .orElse(""));
        } else {
            columns.clear();
        }
    }

    /** The groups were loaded again: a group base's columns may have changed (features added). */
    void groupsChanged() {
        if (kind.get() == DatasetBase.Kind.GROUP) {
            String error = sourceError.get();
            sourceChanged();
            sourceError.set(error);
        }
    }

    /** Asks for a CSV or Parquet file; true when one was chosen. */
    public boolean chooseFile() {
        Optional<Path> chosen = dialogs.chooseFileToOpen("Base rows: a CSV or Parquet file of labelled events",
                "CSV or Parquet", "*.csv;*.parquet");
        chosen.ifPresent(this::useFile);
        return chosen.isPresent();
    }

    /** Uses {@code path} as the base (what the file chooser does; tests call it directly). */
    public void useFile(Path path) {
        kind.set(DatasetBase.Kind.FILE);
        file.set(path.toString());
    }

    /** The columns of a base preview: offered for the id and time pickers, with a guess for empty ones. */
    void previewed(List<String> names) {
        if (kind.get() == DatasetBase.Kind.GROUP) {
            // A group's columns are its features and its id and time are its own: a preview changes nothing.
            return;
        }
        columns.setAll(names);
        if (idColumn.get() == null || !names.contains(idColumn.get())) {
            idColumn.set(guess(names, n -> n.equals("id") || n.endsWith("_id")));
        }
        if (timeColumn.get() == null || !names.contains(timeColumn.get())) {
            timeColumn.set(guess(names, n -> n.equals("event_time") || n.contains("time") || n.contains("date")
                    || n.endsWith("_at")));
        }
        idError.set("");
        timeError.set("");
    }

    private static String guess(List<String> names, java.util.function.Predicate<String> fits) {
        return names.stream().filter(n -> fits.test(n.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** The base the fields describe, or null when a field is wrong (its message is set). */
    DatasetBase read(FormCheck check) {
        return switch (kind.get()) {
            case GROUP -> readGroup(check);
            case FILE -> withColumns(check, check.read(sourceError, this::existingFile), DatasetBase::file);
            case QUERY -> withColumns(check, check.read(sourceError, this::queryText), DatasetBase::query);
        };
    }

    /** The base's source alone, for its preview: the id and time columns may still be unknown. */
    DatasetBase readSource(FormCheck check) {
        return switch (kind.get()) {
            case GROUP -> readGroup(check);
            case FILE -> {
                Path p = check.read(sourceError, this::existingFile);
                yield p == null ? null : DatasetBase.file(p, idColumn.get(), timeColumn.get());
            }
            case QUERY -> {
                String sql = check.read(sourceError, this::queryText);
                yield sql == null ? null : DatasetBase.query(sql, idColumn.get(), timeColumn.get());
            }
        };
    }

    private DatasetBase readGroup(FormCheck check) {
        String name = group.get();
        if (name == null || name.isBlank()) {
            check.fail(sourceError, "choose the group whose rows are the base");
            return null;
        }
        if (chosenGroup().isEmpty()) {
            check.fail(sourceError, "there is no group '" + name + "' with an offline store in this workspace");
            return null;
        }
        sourceError.set("");
        return DatasetBase.group(name);
    }

    private interface BaseOf<S> {
        DatasetBase of(S source, String idColumn, String timeColumn);
    }

    private <S> DatasetBase withColumns(FormCheck check, S source, BaseOf<S> make) {
        if (source == null) {
            // Without a readable source the column pickers have nothing to offer yet: one message is enough.
            idError.set("");
            timeError.set("");
            return null;
        }
        String id = check.read(idError, () -> column(idColumn.get(), "record ids"));
        String time = check.read(timeError, () -> column(timeColumn.get(), "event times"));
        if (id != null && id.equals(time)) {
            check.fail(timeError, "the event time column must differ from the record id column");
            return null;
        }
        return id == null || time == null ? null : make.of(source, id, time);
    }

    private String column(String name, String holds) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(columns.isEmpty()
                    ? "preview the base first, then choose the column that holds " + holds
                    : "choose the column that holds " + holds);
        }
        if (!columns.isEmpty() && !columns.contains(name)) {
            throw new IllegalArgumentException("the base has no column '" + name + "'; its columns are "
                    + String.join(", ", columns));
        }
        return name;
    }

    private Path existingFile() {
        String text = file.get();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("choose a CSV or Parquet file of labelled events");
        }
        Path p;
        try {
            p = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a file path");
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("there is no file " + p);
        }
        return p;
    }

    private String queryText() {
        String sql = query.get();
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("type a query whose rows are the base, e.g. SELECT * FROM labels");
        }
        return sql.strip();
    }

    /**
     * Puts a builder's message beside the field it names (the builder names them like the CLI's
     * options: {@code --base}, {@code --base-id}, {@code --base-time}); false when it names none.
     */
    boolean mark(String field, String reason) {
        boolean group = kind.get() == DatasetBase.Kind.GROUP;
        StringProperty target = switch (field) {
            case "--base" -> sourceError;
            // A group base has no column pickers: its id and time are the group's own.
            case "--base-id" -> group ? sourceError : idError;
            case "--base-time" -> group ? sourceError : timeError;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.set(reason);
        return true;
    }

    /** The base column each joined group matches by default: the group's record id or the chosen id column. */
    String idColumnName() {
        if (kind.get() == DatasetBase.Kind.GROUP) {
            return chosenGroup().map(g -> g.definition().recordIdentifierFeatureName()).orElse(null);
        }
        return idColumn.get();
    }

    /** A short name for default output files: the group, the file's name without extension, or "query". */
    String shortName() {
        return switch (kind.get()) {
            case GROUP -> group.get() == null ? "dataset" : group.get();
            case FILE -> {
                // Called on every keystroke in the path field: "/" or "C:" have no file name yet.
                String name = fileName(file.get());
                int dot = name.lastIndexOf('.');
                yield dot > 0 ? name.substring(0, dot) : name;
            }
            case QUERY -> "query";
        };
    }

    private static String fileName(String path) {
        try {
            Path name = path == null || path.isBlank() ? null : Path.of(path.strip()).getFileName();
            return name == null || name.toString().isBlank() ? "file" : name.toString();
        } catch (InvalidPathException e) {
            return "file";
        }
    }

    private Optional<FeatureGroup> chosenGroup() {
        return group.get() == null ? Optional.empty() : groups.find(group.get());
    }

    /** The groups known to the page, for the base and joined group pickers. */
    public ObservableList<String> groupNames() {
        return groups.names();
    }

    public ObjectProperty<DatasetBase.Kind> kindProperty() {
        return kind;
    }

    public StringProperty groupProperty() {
        return group;
    }

    /** The base file's path as typed or chosen. */
    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty idColumnProperty() {
        return idColumn;
    }

    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    /** The base's columns as far as known (a group's features; a file's or query's after its preview). */
    public ObservableList<String> columns() {
        return columns;
    }

    /** For a group base: which of its features are the id and the event time. */
    public ReadOnlyStringProperty keyTextProperty() {
        return keyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceErrorProperty() {
        return sourceError;
    }

    public ReadOnlyStringProperty idErrorProperty() {
        return idError;
    }

    public ReadOnlyStringProperty timeErrorProperty() {
        return timeError;
    }
}
