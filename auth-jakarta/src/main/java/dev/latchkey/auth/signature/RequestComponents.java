package dev.latchkey.auth.signature;

import java.util.List;
import java.util.Optional;

/**
 * What a signature base is built from (RFC 9421 §2): the request's control data, as the signer and the verifier both
 * see it, and its header fields. Values are raw: the path and query as sent, percent-encoding untouched (RFC 9421
 * §2.2.6, §2.2.7).
 */
public interface RequestComponents {

    /** The method, case as sent (RFC 9421 §2.2.1). */
    String method();

    /** The scheme, lowercase (RFC 9421 §2.2.4). */
    String scheme();

    /** Host and port, host lowercase, default port omitted (RFC 9421 §2.2.3, RFC 9110 §4.2.3). */
    String authority();

    /**
     * The request target's path and query as sent (RFC 9110 §7.1), percent-encoding untouched.
     *
     * @param rawPath  the absolute path; null or empty when the target has none
     * @param rawQuery the query without the {@code ?}; null when the target has none
     */
    record Target(String rawPath, String rawQuery) {
    }

    /** The path and query as sent, from which {@link #path()} and {@link #query()} are derived. */
    Target target();

    /** The absolute path as sent, {@code /} for an empty one, never with a query (RFC 9421 §2.2.6). */
    default String path() {
        String rawPath = target().rawPath();
        return rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    }

    /** The query as sent, without the {@code ?}; empty when the target has none (RFC 9421 §2.2.7). */
    default Optional<String> query() {
        return Optional.ofNullable(target().rawQuery());
    }

    /** The field lines of header field {@code lowercaseName}, in order; empty when absent (RFC 9421 §2.1). */
    List<String> fieldLines(String lowercaseName);

    /** Whether the request carries content (a non-zero {@code Content-Length}, or a transfer coding). */
    boolean hasContent();
}
