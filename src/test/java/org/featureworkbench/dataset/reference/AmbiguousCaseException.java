package org.featureworkbench.dataset.reference;

/**
 * The rules leave this case's answer open (e.g. "the N most recent" cutting through rows with
 * equal event times but different values): the generator picks another case instead.
 */
public final class AmbiguousCaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AmbiguousCaseException(String message) {
        super(message);
    }
}
