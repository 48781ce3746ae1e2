package dev.latchkey.auth.apikey;

import java.time.Instant;

/**
 * A key was sent in a URL, where proxies, browsers and access logs record it (RFC 6750 §5.3, §2.3): it should be
 * treated as leaked and rotated. Fired as a CDI event by {@link ApiKeyExposures}; never carries the key.
 *
 * @param keyId         the exposed key's id, or {@code null} when the value was not a well-formed key
 * @param parameter     the query parameter that carried it
 * @param remoteAddress the client address (behind {@code latchkey.trusted-proxies}: from {@code X-Forwarded-For})
 * @param path          the request path (without the query string)
 * @param at            when it happened
 */
public record ApiKeyExposed(String keyId, String parameter, String remoteAddress, String path, Instant at) {
}
