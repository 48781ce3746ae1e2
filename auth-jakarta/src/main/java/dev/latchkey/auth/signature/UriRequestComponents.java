package dev.latchkey.auth.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The components of a request that is about to be sent, or that a test describes: a method, an absolute target URI
 * and header fields (names case-insensitive, lines in order). Used by {@code client.RequestSigner}.
 *
 * @param headers    header field lines by name (any case on the way in; lower case as kept); the lines are copied
 * @param hasContent whether the request carries content
 */
public record UriRequestComponents(String method, URI uri, Map<String, List<String>> headers, boolean hasContent)
        implements RequestComponents {

    public UriRequestComponents {
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the target URI must be absolute with an authority");
        }
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, lines) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(lines));
        headers = Collections.unmodifiableMap(lower);
    }

    @Override
    public String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    @Override
    public String authority() {
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        return Authority.normalize(scheme(), at < 0 ? authority : authority.substring(at + 1));
    }

    @Override
    public Target target() {
        return new Target(uri.getRawPath(), uri.getRawQuery());
    }

    @Override
    public List<String> fieldLines(String lowercaseName) {
        return List.copyOf(headers.getOrDefault(lowercaseName, List.of()));
    }
}
