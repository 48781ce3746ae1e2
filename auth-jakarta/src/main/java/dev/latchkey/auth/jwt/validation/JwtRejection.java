package dev.latchkey.auth.jwt.validation;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.AuthScheme;

/**
 * Every reason a bearer JWT is refused, with the short {@code error_description} a client can act on (RFC 6750 §3)
 * and the reason code written to the audit log. All are 401 {@code invalid_token} (RFC 6750 §3.1).
 */
public enum JwtRejection {
    TOKEN_EXPIRED("token expired", "token_expired"),
    TOKEN_TOO_OLD("token expired", "token_too_old"),
    NOT_YET_VALID("token not yet valid", "token_not_yet_valid"),
    ISSUED_IN_FUTURE("token not yet valid", "token_issued_in_future"),
    MISSING_EXP("token has no expiry", "missing_exp"),
    MISSING_IAT("token has no issue time", "missing_iat"),
    MISSING_CLAIM("token lacks a required claim", "missing_required_claim"),
    INVALID_SIGNATURE("invalid signature", "invalid_signature"),
    WRONG_ISSUER("wrong issuer", "wrong_issuer"),
    WRONG_AUDIENCE("wrong audience", "wrong_audience"),
    WRONG_TYPE("wrong token type", "wrong_typ"),
    UNKNOWN_KEY("unknown key", "unknown_key"),
    MALFORMED("malformed token", "malformed_token"),
    ENCRYPTED("malformed token", "encrypted_token_not_accepted"),
    SIGNED_ONLY("token must be encrypted", "unencrypted_token_not_accepted"),
    NOT_NESTED("encrypted token must contain a signed JWT", "jwe_not_nested_jws"),
    COMPRESSED("compressed tokens are not accepted", "jwe_compressed"),
    DECRYPTION_FAILED("token could not be decrypted", "decryption_failed"),
    UNSUPPORTED_CRITICAL_HEADER("malformed token", "unsupported_crit_header"),
    TOO_LARGE("token too large", "token_too_large"),
    ALGORITHM_NOT_ALLOWED("algorithm not allowed", "algorithm_not_allowed"),
    REVOKED("token revoked", "token_revoked"),
    NO_CALLER_NAME("token names no caller", "missing_name_claim"),
    CERTIFICATE_REQUIRED("token is bound to a client certificate", "cnf_certificate_missing"),
    CERTIFICATE_MISMATCH("token is bound to another client certificate", "cnf_certificate_mismatch"),
    UNSUPPORTED_BINDING("unsupported token binding", "cnf_unsupported");

    /** The challenge scheme of every JWT error. */
    public static final String SCHEME = AuthScheme.BEARER;

    private final String description;
    private final String reason;

    JwtRejection(String description, String reason) {
        this.description = description;
        this.reason = reason;
    }

    public String description() {
        return description;
    }

    public String reason() {
        return reason;
    }

    /** The 401 error, carrying the token's {@code jti} (never the token) as credential id when known. */
    public AuthError error(String jti) {
        return AuthError.invalidToken(SCHEME, description, reason).withCredentialId(jti);
    }
}
