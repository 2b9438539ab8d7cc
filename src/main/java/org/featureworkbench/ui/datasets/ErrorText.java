package org.featureworkbench.ui.datasets;

import org.featureworkbench.model.IoProblems;

/** A failure in words for the page's banner: the store's own message, never a stack trace. */
final class ErrorText {
    private ErrorText() {
    }

    static String of(Throwable e) {
        String text = IoProblems.describe(e);
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
