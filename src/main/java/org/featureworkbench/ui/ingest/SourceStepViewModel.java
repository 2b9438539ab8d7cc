package org.featureworkbench.ui.ingest;

import java.nio.file.Path;
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
import org.featureworkbench.core.FileOptions;
import org.featureworkbench.core.InferOptions;
import org.featureworkbench.core.InferredGroup;
import org.featureworkbench.model.FeatureStoreException;
import org.featureworkbench.ui.dialog.DialogService;
import org.featureworkbench.ui.group.Failures;
import org.featureworkbench.ui.task.TaskExecutor;

/**
 * Steps 1 and 2 of the ingest wizard: which file, how to read it (format, delimiter and encoding,
 * each detected unless overridden), and what {@code infer} saw in it — the column profiles with
 * their inferred types, the sample size and the inference notes. The file is read only through
 * the facade's {@code infer}, in the background.
 */
public final class SourceStepViewModel {
    /** The file types offered by the file chooser. */
    static final String EXTENSIONS = "*.csv;*.tsv;*.txt;*.parquet;*.jsonl;*.ndjson;*.json";

    private final FeatureStore store;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<FormatChoice> format = new SimpleObjectProperty<>(this, "format", FormatChoice.DETECT);
    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter", "");
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty inferring = new SimpleBooleanProperty(this, "inferring", false);
    private final ReadOnlyObjectWrapper<InferredGroup> inferred = new ReadOnlyObjectWrapper<>(this, "inferred");
    private final ObservableList<InferredGroup.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final BooleanBinding canInfer;

    SourceStepViewModel(FeatureStore store, TaskExecutor executor, DialogService dialogs) {
        this.store = store;
        this.executor = executor;
        this.dialogs = dialogs;
        canInfer = file.isNotNull().and(inferring.not());
        // What was inferred belongs to the old file and options: read again before going on.
        Runnable stale = () -> {
            inferred.set(null);
            error.set("");
        };
        file.addListener((o, a, b) -> stale.run());
        format.addListener((o, a, b) -> stale.run());
        delimiter.addListener((o, a, b) -> stale.run());
        encoding.addListener((o, a, b) -> stale.run());
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

    /** Runs inference on the file in the background; {@code done} gets the result on success. */
    public void infer(Consumer<InferredGroup> done) {
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
        executor.execute(() -> store.ingest().infer(source, options, InferOptions.SUGGEST), result -> {
            inferring.set(false);
            inferred.set(result);
            columns.setAll(result.columns());
            notes.setAll(result.notes());
            done.accept(result);
        }, e -> {
            inferring.set(false);
            Failures.inline(error, dialogs, "read " + source.getFileName()).accept(e);
        });
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

    /** How the file is read, in words: the chosen overrides, otherwise "detected". */
    public String readingText() {
        FormatChoice f = format.get();
        String d = delimiter.get() == null || delimiter.get().isEmpty() ? "detected" : "'" + delimiter.get() + "'";
        String e = encoding.get() == null || encoding.get().isBlank() ? "UTF-8 unless the file has a BOM" : encoding.get().trim();
        return "Format: " + (f == null || f == FormatChoice.DETECT ? "detected" : f.toString())
                + " · delimiter: " + d + " · encoding: " + e;
    }

    public ObjectProperty<Path> fileProperty() { return file; }
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
    /** True while no file is chosen. */
    public BooleanBinding noFileProperty() { return Bindings.isNull(file); }
}
