package org.featureworkbench.ui.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FeatureStore;
import org.featureworkbench.core.IngestJobRecord;
import org.featureworkbench.core.FileOptions;
import org.featureworkbench.core.FilePreview;
import org.featureworkbench.core.InferOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Steps 1 and 2 of the ingest wizard: which file, how to read it (format, delimiter and encoding,
 * each detected unless overridden), its first rows as the facade's {@code preview} reads them
 * ({@link #preview()}), and what {@code infer} saw in it — the column profiles with their inferred
 * types, the sample size and the inference notes. Both facade calls run in one background task.
 */
public final class SourceStepViewModel {
    /** The file types offered by the file chooser. */
    static final String EXTENSIONS = "*.csv;*.tsv;*.txt;*.parquet;*.jsonl;*.ndjson;*.json";

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty pathText = new SimpleStringProperty(this, "pathText", "");
    private boolean syncingPath;
    private final ObjectProperty<FormatChoice> format = new SimpleObjectProperty<>(this, "format", FormatChoice.DETECT);
    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter", "");
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty inferring = new SimpleBooleanProperty(this, "inferring", false);
    private final ReadOnlyObjectWrapper<InferredGroup> inferred = new ReadOnlyObjectWrapper<>(this, "inferred");
    private final ObservableList<InferredGroup.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final StringProperty inferenceProblem = new SimpleStringProperty(this, "inferenceProblem", "");
    private final StringProperty interrupted = new SimpleStringProperty(this, "interrupted", "");
    private final FilePreviewViewModel preview = new FilePreviewViewModel();
    private final BooleanBinding canInfer;

    SourceStepViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        canInfer = file.isNotNull().and(inferring.not());
        // What was inferred belongs to the old file and options: read again before going on.
        Runnable stale = () -> {
            inferred.set(null);
            preview.clear();
            inferenceProblem.set("");
            error.set("");
        };
        file.addListener((o, a, b) -> stale.run());
        // The path field and the chosen file follow each other: a chosen file shows its path, a
        // typed or pasted path chooses its file.
        file.addListener((o, a, b) -> syncPath(() -> pathText.set(b == null ? "" : b.toAbsolutePath().toString())));
        pathText.addListener((o, a, b) -> syncPath(() -> typedPath(b)));
        file.addListener((o, a, b) -> checkInterrupted(b));
        format.addListener((o, a, b) -> stale.run());
        delimiter.addListener((o, a, b) -> stale.run());
        encoding.addListener((o, a, b) -> stale.run());
    }

    /**
     * Looks for an interrupted ingest of the chosen file (ADR 0020): ingesting it again would store
     * its already stored rows a second time, while Resume on the Jobs page stores only the rest.
     */
    private void checkInterrupted(Path chosen) {
        interrupted.set("");
        if (chosen == null) {
            return;
        }
        Path wanted = chosen.toAbsolutePath().normalize();
        // Typing a path asks on every keystroke: only a file that is there is looked up.
        executor.executeQuietly(() -> !java.nio.file.Files.isRegularFile(wanted) ? java.util.Optional.<IngestJobRecord>empty()
                : store.ingest().interruptedJobs().stream().filter(r -> r.file().equals(wanted)).findFirst(), found -> {
                    if (wanted.equals(file.get() == null ? null : file.get().toAbsolutePath().normalize())) {
                        interrupted.set(found.map(SourceStepViewModel::interruptedNotice).orElse(""));
                    }
                }, e -> interrupted.set(""));
    }

    static String interruptedNotice(IngestJobRecord r) {
        String head = "An ingest of this file into '" + r.group() + "' was interrupted (job " + r.id() + ")";
        if (r.rowsPublished() == 0) {
            return head + " before it stored any row offline. Resume it on the Jobs page: this file cannot be "
                    + "ingested again while that ingest is unfinished.";
        }
        return head + " after " + IngestText.count(r.rowsPublished()) + " rows were stored offline. To finish it, use "
                + "Resume on the Jobs page: ingesting the file again is refused, as it would store those rows a "
                + "second time.";
    }

    private void syncPath(Runnable change) {
        if (syncingPath) {
            return;
        }
        syncingPath = true;
        try {
            change.run();
        } finally {
            syncingPath = false;
        }
    }

    private void typedPath(String typed) {
        String text = typed == null ? "" : typed.strip();
        // A path copied from a file manager or a shell often comes quoted.
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'")
                || text.startsWith("\"") && text.endsWith("\""))) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.equals("~") || text.startsWith("~/")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        if (text.isEmpty()) {
            file.set(null);
            error.set("");
            return;
        }
        try {
            file.set(Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            file.set(null);
            error.set("'" + typed.strip() + "' is not a file path this system accepts: type the path again "
                    + "or use Choose file…");
        }
    }

    /** Asks for a CSV, Parquet or JSON Lines file. */
    public void chooseFile() {
        dialogs.chooseFileToOpen("Choose a file to ingest", "CSV, Parquet or JSON Lines", EXTENSIONS)
                .ifPresent(file::set);
    }

    /**
     * The reading options as typed; blank means detect.
     *
     * @throws FeatureStoreException for a delimiter or encoding the facade does not know
     */
    public FileOptions fileOptions() {
        String d = delimiter.get() == null ? "" : delimiter.get();
        String e = encoding.get() == null ? "" : encoding.get().trim();
        return new FileOptions(format.get() == null ? null : format.get().format(),
                d.isEmpty() ? null : FileOptions.parseDelimiter(d), e.isEmpty() ? null : FileOptions.parseEncoding(e));
    }

    /**
     * Reads the file in the background: its first {@value FilePreviewViewModel#ROWS} rows, then the
     * inference. A file that cannot be read at all stays on the file step with the message in
     * {@link #errorProperty()}; a file whose rows cannot be inferred from (a header without rows,
     * only ragged rows) is still previewed, with the reason in {@link #inferenceProblemProperty()}.
     *
     * @param done told on the FX thread once the preview is shown, with the inferred group, or
     *             null when inference failed
     */
    public void read(Consumer<InferredGroup> done) {
        Path source = file.get();
        if (source == null) {
            error.set("Choose a file first.");
            return;
        }
        FileOptions options;
        try {
            options = fileOptions();
        } catch (FeatureStoreException e) {
            error.set(e.getMessage());
            return;
        }
        inferring.set(true);
        error.set("");
        executor.execute(() -> Reading.of(store, source, options), result -> {
            inferring.set(false);
            if (changedSince(source, options)) {
                return; // the user chose another file or options meanwhile: this reading is not theirs
            }
            preview.load(result.preview());
            inferred.set(result.inferred());
            inferenceProblem.set(result.inferenceProblem());
            columns.setAll(result.inferred() == null ? List.of() : result.inferred().columns());
            notes.setAll(result.inferred() == null ? result.preview().notes() : result.inferred().notes());
            done.accept(result.inferred());
        }, e -> {
            inferring.set(false);
            if (!changedSince(source, options)) {
                Failures.inline(error, dialogs, "read " + source.getFileName()).accept(e);
            }
        });
    }

    private boolean changedSince(Path source, FileOptions options) {
        try {
            return !source.equals(file.get()) || !options.equals(fileOptions());
        } catch (FeatureStoreException e) {
            return true;
        }
    }

    /** What one read of the file found; built on the background thread. */
    private record Reading(FilePreview preview, InferredGroup inferred, String inferenceProblem) {
        static Reading of(FeatureStore store, Path source, FileOptions options) {
            FilePreview preview = store.ingest().preview(source, options, FilePreviewViewModel.ROWS);
            try {
                return new Reading(preview, store.ingest().infer(source, options, InferOptions.SUGGEST), "");
            } catch (FeatureStoreException e) {
                return new Reading(preview, null, e.getMessage());
            }
        }
    }

    /** One line on the sample inference looked at, e.g. "Sampled 356 rows; 2 unreadable". */
    public String sampleText() {
        InferredGroup g = inferred.get();
        if (g == null) {
            return "";
        }
        String text = "Sampled " + IngestText.count(g.sampledRows()) + (g.sampledRows() == 1 ? " row" : " rows")
                + " · " + g.columns().size() + (g.columns().size() == 1 ? " column" : " columns");
        return g.unreadableRows() == 0 ? text
                : text + " · " + IngestText.count(g.unreadableRows()) + " unreadable (an ingest rejects them)";
    }

    public ObjectProperty<Path> fileProperty() { return file; }
    /** The path as shown and typed in the file field; a typed path chooses its file. */
    public StringProperty pathTextProperty() { return pathText; }
    public ObjectProperty<FormatChoice> formatProperty() { return format; }
    /** The CSV delimiter override: one character, or tab, comma, semicolon, pipe; blank detects. */
    public StringProperty delimiterProperty() { return delimiter; }
    /** The encoding override, e.g. ISO-8859-1; blank detects. */
    public StringProperty encodingProperty() { return encoding; }
    /** Why the file cannot be read, shown under the file field. */
    public StringProperty errorProperty() { return error; }
    public BooleanProperty inferringProperty() { return inferring; }
    public BooleanBinding canInferProperty() { return canInfer; }
    public ReadOnlyObjectProperty<InferredGroup> inferredProperty() { return inferred.getReadOnlyProperty(); }
    /** The column profiles of the last inference, in file order. */
    public ObservableList<InferredGroup.Column> columns() { return columns; }
    /** The inference notes, in order. */
    public ObservableList<String> notes() { return notes; }
    /** Why no feature group can be inferred from the previewed file (empty when it could); blocks the next step. */
    public StringProperty inferenceProblemProperty() { return inferenceProblem; }
    /** A warning that the chosen file has an interrupted ingest to resume, or empty. */
    public StringProperty interruptedProperty() { return interrupted; }
    /** The first rows of the file, as the last read found them. */
    public FilePreviewViewModel preview() { return preview; }
    /** True while no file is chosen. */
    public BooleanBinding noFileProperty() { return Bindings.isNull(file); }
}
