package dev.latchkey.auth.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The components of a request that is about to be sent, or that a test describes: a method, an absolute target URI
 * and header fields (names case-insensitive, lines in order). Used by {@code client.RequestSigner}.
 */
public final class UriRequestComponents implements RequestComponents {

    private final String method;
    private final URI uri;
    private final Map<String, List<String>> fields;
    private final boolean hasContent;

    /**
     * @param headers    header field lines by name (any case); the values are not copied lazily
     * @param hasContent whether the request carries content
     */
    public UriRequestComponents(String method, URI uri, Map<String, List<String>> headers, boolean hasContent) {
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("the target URI must be absolute with an authority");
        }
        this.method = method;
        this.uri = uri;
        this.hasContent = hasContent;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, lines) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(lines));
        this.fields = lower;
    }

    @Override
    public String method() {
        return method;
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
    public String path() {
        return RequestComponents.pathOrRoot(uri.getRawPath());
    }

    @Override
    public Optional<String> query() {
        return Optional.ofNullable(uri.getRawQuery());
    }

    @Override
    public List<String> fieldLines(String lowercaseName) {
        return List.copyOf(fields.getOrDefault(lowercaseName, List.of()));
    }

    @Override
    public boolean hasContent() {
        return hasContent;
    }
}
