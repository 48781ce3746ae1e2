package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Nimbus's {@link DefaultResourceRetriever} (timeouts, size limit, non-2xx refused), which does not expose response
 * headers, extended to report the {@code Cache-Control} freshness lifetime of what it fetched (RFC 9111 §5.2.2):
 * {@code max-age} (or {@code s-maxage}) in seconds, zero for {@code no-store} or {@code no-cache}, empty when the
 * response says nothing. Redirects are not followed (a 3xx is a failed fetch): the configured URL is the only place
 * keys come from.
 */
final class CacheControlRetriever extends DefaultResourceRetriever {

    /** A fetched key document and its freshness lifetime. */
    record Fetched(Resource resource, Optional<Duration> maxAge) {
    }

    private final ThreadLocal<HttpURLConnection> connection = new ThreadLocal<>();

    CacheControlRetriever(int connectTimeoutMillis, int readTimeoutMillis, int sizeLimitBytes) {
        super(connectTimeoutMillis, readTimeoutMillis, sizeLimitBytes);
    }

    @Override
    protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
        HttpURLConnection c = super.openHTTPConnection(url);
        c.setInstanceFollowRedirects(false);
        connection.set(c);
        return c;
    }

    Fetched fetch(URL url) throws IOException {
        try {
            Resource resource = retrieveResource(url);
            HttpURLConnection c = connection.get();
            return new Fetched(resource, maxAge(c == null ? null : cacheControl(c)));
        } finally {
            connection.remove();
        }
    }

    /**
     * All {@code Cache-Control} field lines joined with commas, as RFC 9110 §5.3 says a recipient may combine them;
     * {@code null} when there is none. Field names are case-insensitive (RFC 9110 §5.1).
     */
    private static String cacheControl(HttpURLConnection c) {
        StringJoiner joined = new StringJoiner(",");
        boolean any = false;
        // Index 0 is the status line; the loop ends at the first index without a field name.
        for (int i = 1; c.getHeaderFieldKey(i) != null; i++) {
            if ("Cache-Control".equalsIgnoreCase(c.getHeaderFieldKey(i))) {
                joined.add(c.getHeaderField(i));
                any = true;
            }
        }
        return any ? joined.toString() : null;
    }

    /** The freshness lifetime a {@code Cache-Control} header value gives, or empty. */
    static Optional<Duration> maxAge(String cacheControl) {
        if (cacheControl == null) {
            return Optional.empty();
        }
        Optional<Duration> maxAge = Optional.empty();
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.trim();
            if (d.equals("no-store") || d.equals("no-cache") || d.startsWith("no-cache=")) {
                return Optional.of(Duration.ZERO);
            }
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq).trim();
            if ((name.equals("max-age") || name.equals("s-maxage")) && eq > 0) {
                String value = d.substring(eq + 1).trim().replace("\"", "");
                if (value.matches("\\d{1,10}")) {
                    Duration parsed = Duration.ofSeconds(Long.parseLong(value));
                    // s-maxage is for shared caches, which a verifier is; the smaller of the two wins.
                    maxAge = Optional.of(maxAge.map(m -> m.compareTo(parsed) < 0 ? m : parsed).orElse(parsed));
                }
            }
        }
        return maxAge;
    }
}
