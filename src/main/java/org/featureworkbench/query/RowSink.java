package org.featureworkbench.query;

import java.util.List;

/** Receives a streamed query result, on the thread that runs the query. */
public interface RowSink {
    /** Called once, before any row. */
    void columns(List<ResultColumn> columns);

    /** One row; the array is reused for the next row, copy what you keep. */
    void row(Object[] values);
}
