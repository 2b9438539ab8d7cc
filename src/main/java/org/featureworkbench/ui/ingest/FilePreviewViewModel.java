package org.featureworkbench.ui.ingest;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.featureworkbench.core.FilePreview;

/**
 * The first rows of the chosen file as the facade's {@code preview} read them, for the wizard's
 * Preview step: one line on how the file is read, the rows, the detected type of each column and
 * the rows that cannot be read. Filled on the FX thread by {@link SourceStepViewModel}.
 */
public final class FilePreviewViewModel {
    /** How many records the Preview step shows. */
    static final int ROWS = 100;

    private final ReadOnlyObjectWrapper<FilePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<FilePreview.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<FilePreview.Problem> problems = FXCollections.observableArrayList();

    void load(FilePreview loaded) {
        rows.setAll(loaded.rows());
        problems.setAll(loaded.problems());
        preview.set(loaded);
    }

    void clear() {
        preview.set(null);
        rows.clear();
        problems.clear();
    }

    /** How the file is read, e.g. "CSV · delimiter ',' · UTF-8 (BOM removed) · 37 columns"; empty before a preview. */
    public String readingText() {
        FilePreview p = preview.get();
        if (p == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(switch (p.format()) {
            case CSV -> "CSV";
            case JSONL -> "JSON Lines";
            case PARQUET -> "Parquet";
        });
        if (p.delimiter() != null) {
            text.append(" · delimiter ").append(show(p.delimiter()));
        }
        if (p.format() == org.featureworkbench.core.FileFormat.CSV) {
            text.append(p.quote() == null ? " · no quoting" : p.quote() == '"' ? "" : " · quote " + show(p.quote()));
        }
        if (p.encoding() != null) {
            text.append(" · ").append(p.encoding()).append(p.bomRemoved() ? " (BOM removed)" : "");
        }
        int n = p.columns().size();
        return text.append(" · ").append(n).append(n == 1 ? " column" : " columns").toString();
    }

    /** What the table holds, e.g. "First 100 rows (the file has more) · 3 rows cannot be read". */
    public String rowsText() {
        FilePreview p = preview.get();
        if (p == null) {
            return "";
        }
        String text = p.recordsRead() == 0 ? "The file has a header but no rows"
                : (p.moreRows() ? "First " : "All ") + IngestText.count(p.recordsRead())
                        + (p.recordsRead() == 1 ? " row" : " rows") + (p.moreRows() ? " (the file has more)" : "");
        int bad = p.problems().size();
        return bad == 0 ? text : text + " · " + bad + (bad == 1 ? " row cannot" : " rows cannot") + " be read";
    }

    /** The cell of a row as shown: a missing cell is blank, a quoted empty one shows its quotes. */
    public static String cellText(FilePreview.Row row, int index) {
        String value = row.value(index);
        return value == null ? "" : value.isEmpty() ? "\"\"" : value;
    }

    /** The preview's columns, in file order; empty before a preview. */
    public List<FilePreview.Column> columns() {
        FilePreview p = preview.get();
        return p == null ? List.of() : p.columns();
    }

    private static String show(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }

    /** The last preview, null until the file was read or after the file or options changed. */
    public ReadOnlyObjectProperty<FilePreview> previewProperty() { return preview.getReadOnlyProperty(); }
    /** The readable rows among the first {@value #ROWS} records, in file order. */
    public ObservableList<FilePreview.Row> rows() { return rows; }
    /** The records among the first {@value #ROWS} that cannot be read, in file order. */
    public ObservableList<FilePreview.Problem> problems() { return problems; }
}
