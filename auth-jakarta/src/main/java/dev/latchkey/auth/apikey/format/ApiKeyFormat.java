package dev.latchkey.auth.apikey.format;

import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The API key format. A key is
 *
 * <pre>
 *   &lt;prefix&gt;&lt;keyId&gt;_&lt;secret&gt;&lt;checksum&gt;
 *   sk_live_ 4fHq0ZxT9bLm _ Vd0...(33 chars)...k2 1aZ9xQ
 * </pre>
 *
 * <ul>
 *   <li>{@code prefix}: one of the configured environment prefixes ({@code sk_live_} for {@code live},
 *   {@code sk_test_} for {@code test} by default); it lets secret scanners recognise keys and tells the environment
 *   before any lookup;</li>
 *   <li>{@code keyId}: {@value #KEY_ID_LENGTH} base62 characters, public, safe to log and show;</li>
 *   <li>{@code _}: a separator;</li>
 *   <li>{@code secret}: {@value #SECRET_LENGTH} base62 characters from {@link java.security.SecureRandom},
 *   i.e. 33 x log2(62) = 196 bits of entropy (at least 192 as required by e.g. NIST SP 800-63B §5.1.1.2 guidance for
 *   look-up secrets, with margin);</li>
 *   <li>{@code checksum}: CRC32 (ISO-HDLC, {@link CRC32}) over the ASCII bytes of everything before it, as
 *   {@value #CHECKSUM_LENGTH} base62 characters left-padded with {@code 0}.</li>
 * </ul>
 *
 * The checksum rejects typos and truncations without a store lookup, and lets scanners confirm a match offline. With
 * the default prefixes a key is 60 characters. Keys are compared only by hash (see {@code ApiKeyHasher}).
 */
public final class ApiKeyFormat {

    public static final int KEY_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 33;
    public static final int CHECKSUM_LENGTH = 6;
    /** Characters after the prefix. */
    public static final int BODY_LENGTH = KEY_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

    private static final String SCHEME = AuthScheme.BEARER;

    private final Map<String, String> prefixes;
    private final List<String> byLongestPrefix;

    /** @param prefixes prefix to environment, e.g. {@code sk_live_ -> live}; validated by {@code ApiKeySettings} */
    public ApiKeyFormat(Map<String, String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("at least one prefix is required");
        }
        this.prefixes = Map.copyOf(new LinkedHashMap<>(prefixes));
        this.byLongestPrefix = prefixes.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public Map<String, String> prefixes() {
        return prefixes;
    }

    /** The prefix that issues keys for {@code environment}. */
    public String prefixFor(String environment) {
        return byLongestPrefix.stream().filter(p -> prefixes.get(p).equals(environment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prefix for environment " + environment));
    }

    /** Builds a key from its parts, appending the checksum. */
    public String format(String prefix, String keyId, String secret) {
        String body = prefix + keyId + "_" + secret;
        return body + checksum(body);
    }

    /** Whether the value starts with a configured prefix: a cheap test used to spot keys (in URLs, headers). */
    public boolean looksLikeKey(String value) {
        return value != null && matchingPrefix(value).isPresent();
    }

    /**
     * Checks the structure and checksum.
     *
     * @throws AuthenticationFailure 401 {@code invalid_token} "malformed API key" for anything else; nothing else
     */
    public ParsedApiKey parse(String value) {
        if (value == null) {
            throw malformed("missing");
        }
        String prefix = matchingPrefix(value).orElseThrow(() -> malformed("unknown_prefix"));
        if (value.length() != prefix.length() + BODY_LENGTH) {
            throw malformed("wrong_length");
        }
        int idStart = prefix.length();
        int sep = idStart + KEY_ID_LENGTH;
        int checksumStart = value.length() - CHECKSUM_LENGTH;
        if (value.charAt(sep) != '_' || !Base62.isBase62(value, idStart, sep)
                || !Base62.isBase62(value, sep + 1, value.length())) {
            throw malformed("bad_characters");
        }
        String expected = checksum(value.substring(0, checksumStart));
        if (!expected.equals(value.substring(checksumStart))) {
            throw malformed("bad_checksum");
        }
        return new ParsedApiKey(value, prefix, prefixes.get(prefix), value.substring(idStart, sep));
    }

    /** The key id if the value parses, without throwing: for reporting exposed keys. */
    public Optional<String> keyIdIfValid(String value) {
        try {
            return Optional.of(parse(value).keyId());
        } catch (AuthenticationFailure e) {
            return Optional.empty();
        }
    }

    private Optional<String> matchingPrefix(String value) {
        for (String prefix : byLongestPrefix) { // a loop: asked of every credential-looking value on every request
            if (value.startsWith(prefix)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encodeFixed(crc.getValue(), CHECKSUM_LENGTH);
    }

    private static AuthenticationFailure malformed(String detail) {
        return new AuthenticationFailure(AuthError.invalidToken(SCHEME, "malformed API key", "api_key_malformed_" + detail));
    }
}
