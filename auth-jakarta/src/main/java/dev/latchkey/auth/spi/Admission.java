package dev.latchkey.auth.spi;

/**
 * What a kind does with the verdict on a credential it admitted ({@link CredentialKind#admit}) before any identity
 * store saw it: e.g. Basic's login throttle counts an attempt when it admits it and takes it back on success.
 */
public interface Admission {

    /** Nothing to do with the verdict. */
    Admission NONE = new Admission() {
    };

    /** An identity store accepted the credential. */
    default void accepted() {
    }

    /** The identity stores refused it ({@code INVALID}, or a store threw a 4xx {@code AuthenticationFailure}). */
    default void refused() {
    }

    /** No verdict: no store validates this credential, or a store failed (a 5xx or another exception). */
    default void unjudged() {
    }
}
