package dev.latchkey.auth.basic;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an HTTP Basic credential (RFC 7617 §2) from the {@code Authorization} header.
 *
 * <ul>
 *   <li>The scheme name is case-insensitive (RFC 7235 §2.1).</li>
 *   <li>The token68 is standard base64 (RFC 4648 §4); the decoded octets are UTF-8 (RFC 7617 §2.1, the charset the
 *   challenge announces), decoded strictly: malformed UTF-8 is refused.</li>
 *   <li>user-id and password are split at the <em>first</em> colon (RFC 7617 §2: the user-id cannot contain one, the
 *   password can).</li>
 * </ul>
 * Malformed base64, malformed UTF-8, a missing colon, an empty user-id or one longer than
 * {@value UserFile#MAX_USERNAME_LENGTH} characters are 400 {@code invalid_request}. A user-id
 * starting with an API-key prefix ({@code latchkey.api-key.prefixes}) is an API key sent Stripe-style, not a user
 * credential: the resolver returns empty and leaves it to the API-key authenticator.
 */
@ApplicationScoped
public class BasicCredentialResolver {

    public static final String SOURCE = "header:Authorization";
    private static final String SCHEME = "Basic";
    /** Far above any sane user-id and password; refuses absurd headers before decoding them. */
    private static final int MAX_TOKEN_LENGTH = 8192;

    private List<String> apiKeyPrefixes;

    /** For CDI; settings are read in {@link #init()}. */
    public BasicCredentialResolver() {
    }

    public BasicCredentialResolver(List<String> apiKeyPrefixes) {
        this.apiKeyPrefixes = List.copyOf(apiKeyPrefixes);
    }

    @PostConstruct
    void init() {
        apiKeyPrefixes = BasicSettings.from(ConfigReader.current()).apiKeyPrefixes();
    }

    /** Whether the request's {@code Authorization} header uses the Basic scheme (no decoding). */
    public boolean hasBasicScheme(HttpServletRequest request) {
        return token(request.getHeader("Authorization")) != null;
    }

    /**
     * {@link #SOURCE} when the {@code Authorization} header uses the Basic scheme; nothing decoded (the SPI asks for a
     * cheap answer). A Basic header whose user-id is an API key reports the same source as the API-key resolver, so the
     * chain sees one credential, not two.
     */
    public Optional<String> credentialSource(HttpServletRequest request) {
        return hasBasicScheme(request) ? Optional.of(SOURCE) : Optional.empty();
    }

    /**
     * @return the credential, or empty when the request has no Basic {@code Authorization} header or the user-id is an
     * API key; the caller clears the returned credential after use
     * @throws AuthenticationFailure 400 for a malformed credential
     */
    public Optional<UsernamePasswordCredential> resolve(HttpServletRequest request) {
        String token = token(request.getHeader("Authorization"));
        if (token == null) {
            return Optional.empty();
        }
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw malformed("malformed Basic credentials", "basic_malformed");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed("Basic credentials are not valid base64", "basic_bad_base64");
        }
        char[] chars = null;
        try {
            chars = decodeUtf8(bytes);
            int colon = indexOf(chars, ':');
            if (colon < 0) {
                throw malformed("Basic credentials lack the ':' separator", "basic_no_colon");
            }
            if (colon == 0) {
                throw malformed("Basic credentials have an empty user-id", "basic_empty_user");
            }
            for (char c : chars) {
                if (Character.isISOControl(c)) {
                    // RFC 7617 §2: user-id and password must not contain control characters.
                    throw malformed("Basic credentials contain control characters", "basic_control_chars");
                }
            }
            String username = new String(chars, 0, colon);
            for (String prefix : apiKeyPrefixes) {
                if (username.startsWith(prefix)) {
                    return Optional.empty();
                }
            }
            if (username.length() > UserFile.MAX_USERNAME_LENGTH) {
                // Refused before it becomes a lockout counter key or reaches an identity store.
                throw malformed("Basic user-id longer than " + UserFile.MAX_USERNAME_LENGTH + " characters",
                        "basic_user_too_long");
            }
            char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
            try {
                return Optional.of(new UsernamePasswordCredential(username, new Password(password)));
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }

    /** The token68 after a case-insensitive "Basic " (RFC 7235 §2.1), or null when the scheme is another one. */
    private static String token(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() < SCHEME.length() || !h.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (h.length() == SCHEME.length()) {
            return "";
        }
        char sep = h.charAt(SCHEME.length());
        if (sep != ' ' && sep != '\t') {
            return null; // another scheme, e.g. "BasicFoo"
        }
        return h.substring(SCHEME.length() + 1).strip();
    }

    private static char[] decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = decoder.decode(ByteBuffer.wrap(bytes));
            char[] out = new char[cb.remaining()];
            cb.get(out);
            Arrays.fill(cb.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw malformed("Basic credentials are not valid UTF-8", "basic_bad_utf8");
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static AuthenticationFailure malformed(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(SCHEME, description, reason));
    }
}
