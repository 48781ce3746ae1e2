package dev.latchkey.auth.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The token68 of a {@code Basic} {@code Authorization} header decoded (RFC 7617 §2), once per request: both the
 * {@code basic} kind and Stripe-style API keys read it.
 *
 * <ul>
 *   <li>standard base64 (RFC 4648 §4); the octets are UTF-8 (RFC 7617 §2.1, the charset Latchkey's challenge
 *   announces), decoded strictly;</li>
 *   <li>user-id and password are split at the <em>first</em> colon (RFC 7617 §2: the user-id cannot contain one);</li>
 *   <li>control characters are refused (RFC 7617 §2), and so is a token longer than {@value #MAX_TOKEN_LENGTH}.</li>
 * </ul>
 * A value that breaks a rule is {@link #problem() malformed}; whatever could be decoded stays readable, so a kind can
 * still tell whose credential it is.
 */
public final class BasicCredentials {

    /** Far above any sane user-id and password; refuses absurd headers before decoding them. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    /** Why a Basic value is malformed: a description for the client and a reason for the audit log. */
    public record Problem(String description, String reason) {
    }

    private final String userId;
    private final char[] password;
    private final Problem problem;

    private BasicCredentials(String userId, char[] password, Problem problem) {
        this.userId = userId;
        this.password = password;
        this.problem = problem;
    }

    /** Decodes the credentials of a {@code Basic} header. */
    public static BasicCredentials decode(Authorization authorization) {
        String token = authorization.token68().orElse(null);
        if (token == null) {
            return authorization.form() == Authorization.Form.NONE
                    ? malformed("malformed Basic credentials", "basic_malformed")
                    : malformed("Basic credentials are not valid base64", "basic_bad_base64");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return malformed("malformed Basic credentials", "basic_malformed");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return malformed("Basic credentials are not valid base64", "basic_bad_base64");
        }
        char[] chars;
        try {
            chars = utf8(bytes);
        } catch (CharacterCodingException e) {
            return malformed("Basic credentials are not valid UTF-8", "basic_bad_utf8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        try {
            int colon = indexOf(chars, ':');
            String user = new String(chars, 0, colon < 0 ? chars.length : colon);
            char[] password = colon < 0 ? null : Arrays.copyOfRange(chars, colon + 1, chars.length);
            Problem problem = colon < 0 ? new Problem("Basic credentials lack the ':' separator", "basic_no_colon")
                    : colon == 0 ? new Problem("Basic credentials have an empty user-id", "basic_empty_user")
                    : hasControl(chars) ? new Problem("Basic credentials contain control characters",
                    "basic_control_chars") : null;
            return new BasicCredentials(user, password, problem);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static BasicCredentials malformed(String description, String reason) {
        return new BasicCredentials(null, null, new Problem(description, reason));
    }

    /** What breaks RFC 7617, if anything. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** The user-id (everything before the first colon, or all of it without one); empty when undecodable. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** A copy of the password (the caller clears it); empty without a colon. */
    public Optional<char[]> password() {
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    /** Whether a colon was followed by nothing: {@code user:}. */
    public boolean hasEmptyPassword() {
        return password != null && password.length == 0;
    }

    /** Wipes the password. */
    public void clear() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[problem=" + (problem == null ? "none" : problem.reason()) + "]";
    }

    private static char[] utf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer buffer = decoder.decode(ByteBuffer.wrap(bytes));
        char[] out = new char[buffer.remaining()];
        buffer.get(out);
        Arrays.fill(buffer.array(), '\0');
        return out;
    }

    private static boolean hasControl(char[] chars) {
        for (char c : chars) {
            if (Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
