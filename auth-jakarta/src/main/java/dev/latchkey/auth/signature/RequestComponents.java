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

    /** The absolute path as sent, {@code /} for an empty one, never with a query (RFC 9421 §2.2.6). */
    String path();

    /** {@code rawPath} as {@link #path()} gives it: {@code /} for a null or empty one (RFC 9421 §2.2.6). */
    static String pathOrRoot(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    }

    /** The query as sent, without the {@code ?}; empty when the target has none (RFC 9421 §2.2.7). */
    Optional<String> query();

    /** The field lines of header field {@code lowercaseName}, in order; empty when absent (RFC 9421 §2.1). */
    List<String> fieldLines(String lowercaseName);

    /** Whether the request carries content (a non-zero {@code Content-Length}, or a transfer coding). */
    boolean hasContent();
}
