package dev.latchkey.jaxrs;

/** How the scopes of one {@link RequiresScope} combine. */
public enum ScopeMode {
    /** Every listed scope is required. */
    ALL,
    /** At least one listed scope is required. */
    ANY
}
