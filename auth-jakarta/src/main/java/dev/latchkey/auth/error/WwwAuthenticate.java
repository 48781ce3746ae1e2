package dev.latchkey.auth.error;

import dev.latchkey.auth.request.AuthScheme;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders {@code WWW-Authenticate} challenges (RFC 7235 §4.1) for the Bearer (RFC 6750 §3), DPoP (RFC 9449 §7.1) and
 * Basic (RFC 7617 §2) schemes. The one place in Latchkey where challenge syntax is written.
 *
 * <p>Further auth-params follow the error parameters in the order given: {@code algs} (RFC 9449 §7.1),
 * {@code acr_values} and {@code max_age} (RFC 9470 §3), {@code resource_metadata} (RFC 9728 §5.1). Unknown
 * parameters are ignored by recipients (RFC 9110 §11.6.1), so they may accompany any scheme.
 */
public final class WwwAuthenticate {

    /** RFC 9110 §5.6.2 token: an auth-param name. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Parameters this class writes itself; a further parameter cannot repeat one (RFC 9110 §11.2: once each). */
    private static final Set<String> OWN = Set.of("realm", "charset", "error", "error_description", "scope");

    private WwwAuthenticate() {
    }

    /** A bare challenge for a request that carried no credential, e.g. {@code Bearer realm="api"}. */
    public static String challenge(String scheme, String realm) {
        return challenge(scheme, realm, Map.of());
    }

    /**
     * A bare challenge with further auth-params, e.g. {@code DPoP realm="api", algs="ES256 PS256"}
     * (RFC 9449 §7.1).
     */
    public static String challenge(String scheme, String realm, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(scheme);
        sb.append(' ');
        param(sb, "realm", realm);
        if (AuthScheme.same(scheme, AuthScheme.BASIC)) {
            // RFC 7617 §2.1: the only allowed charset value is UTF-8.
            sb.append(", ");
            param(sb, "charset", "UTF-8");
        }
        params(sb, checkedParams(params));
        return sb.toString();
    }

    /**
     * A challenge describing an error. Bearer and DPoP challenges carry {@code error}, {@code error_description} and,
     * for {@code insufficient_scope}, {@code scope} (RFC 6750 §3, RFC 9449 §7.1), then the error's
     * {@linkplain AuthError#challengeParams() further parameters}. Basic challenges carry only realm and charset: RFC
     * 7617 defines no error parameters. The {@code unauthenticated} pseudo-code is never sent (RFC 6750 §3.1: a
     * request without authentication should not receive an error code).
     */
    public static String challenge(String realm, AuthError error) {
        return challenge(realm, error, Map.of());
    }

    /**
     * {@link #challenge(String, AuthError)} followed by {@code params} (those of the scheme or the deployment, e.g.
     * {@code algs}, {@code resource_metadata}); a name the error already carries keeps the error's value.
     */
    public static String challenge(String realm, AuthError error, Map<String, String> params) {
        String scheme = error.scheme();
        if (scheme == null) {
            throw new IllegalArgumentException("error has no challenge scheme: " + error.error());
        }
        Map<String, String> all = new LinkedHashMap<>(error.challengeParams());
        checkedParams(params).forEach(all::putIfAbsent);
        boolean errorParameters = AuthScheme.same(scheme, AuthScheme.BEARER) || AuthScheme.same(scheme, AuthScheme.DPOP);
        if (!errorParameters || ErrorCodes.UNAUTHENTICATED.equals(error.error())) {
            return challenge(scheme, realm, errorParameters ? all : params);
        }
        StringBuilder sb = new StringBuilder(challenge(scheme, realm));
        sb.append(", ");
        param(sb, "error", error.error());
        if (error.description() != null) {
            sb.append(", ");
            param(sb, "error_description", error.description());
        }
        if (!error.requiredScope().isEmpty()) {
            sb.append(", ");
            param(sb, "scope", String.join(" ", error.requiredScope().stream().sorted().toList()));
        }
        params(sb, all);
        return sb.toString();
    }

    /**
     * An unmodifiable copy of {@code params} in their order, each name an RFC 9110 token other than the parameters
     * this class writes itself.
     *
     * @throws IllegalArgumentException for another name, or a null value
     */
    static Map<String, String> checkedParams(Map<String, String> params) {
        if (params == null || params.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name == null || !TOKEN.matcher(name).matches() || OWN.contains(name.toLowerCase())) {
                throw new IllegalArgumentException("not a further challenge parameter: " + name);
            }
            if (value == null) {
                throw new IllegalArgumentException("challenge parameter without value: " + name);
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void params(StringBuilder sb, Map<String, String> params) {
        params.forEach((name, value) -> {
            sb.append(", ");
            param(sb, name, value);
        });
    }

    /** Appends {@code name="value"} as an RFC 7230 §3.2.6 quoted-string, escaping {@code "} and {@code \}. */
    private static void param(StringBuilder sb, String name, String value) {
        sb.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                continue; // control characters cannot appear in a header value
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
