package dev.latchkey.auth.jwt.validation;

import dev.latchkey.auth.request.CompactSerialization;

import java.util.Base64;

/**
 * Checks on the raw compact serialization before any JSON is parsed (RFC 7515 §7.1, RFC 8725 §2.8):
 * the size bound, three parts (five parts is a JWE, refused where a JWS is expected, RFC 7516 §9), and canonical
 * unpadded base64url in every part (RFC 7515 §2, RFC 4648 §3.5: non-zero pad bits make a second encoding of the same
 * bytes, which would let signatures and cache keys be malleable).
 */
final class CompactForm {

    private CompactForm() {
    }

    /**
     * The only check before the verified-token cache lookup: a hit is a string that already passed every check.
     *
     * @return the rejection, or {@code null} when the size is acceptable
     */
    static JwtRejection checkSize(String token, int maxTokenBytes) {
        if (token == null || token.isEmpty()) {
            return JwtRejection.MALFORMED;
        }
        return token.length() > maxTokenBytes ? JwtRejection.TOO_LARGE : null;
    }

    /**
     * @return {@code null} for a well-formed JWS, {@link JwtRejection#ENCRYPTED} for a well-formed JWE (five parts,
     * RFC 7516 §7.1), else the rejection
     */
    static JwtRejection checkShape(String token) {
        int dots = CompactSerialization.separators(token);
        if (dots != 2 && dots != 4) {
            return JwtRejection.MALFORMED;
        }
        for (String part : token.split("\\.", -1)) {
            if (!canonical(part)) {
                return JwtRejection.MALFORMED;
            }
        }
        return dots == 4 ? JwtRejection.ENCRYPTED : null;
    }

    private static boolean canonical(String part) {
        if (part.length() % 4 == 1) {
            return false;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
