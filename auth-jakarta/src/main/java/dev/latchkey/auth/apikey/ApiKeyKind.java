package dev.latchkey.auth.apikey;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API-key kind ({@value #NAME} in {@code latchkey.mechanisms}): {@link ApiKeyResolver} finds and parses the key,
 * {@link ApiKeyIdentityStore} (or an application store) validates it; an accepted key is held to its rate limit
 * ({@link ApiKeyRateLimiter}, whose {@code RateLimit-*} headers go on the response) and its use is recorded
 * ({@link LastUsedRecorder}). Challenges with {@code Bearer} (RFC 6750 §3).
 */
public final class ApiKeyKind extends AbstractCredentialKind<ApiKeyCredential> {

    public static final String NAME = ApiKeyCallerMapper.MECHANISM;

    private final ApiKeyRateLimiter rateLimiter;
    private final LastUsedRecorder lastUsed;

    public ApiKeyKind(ApiKeyResolver resolver, ApiKeyRateLimiter rateLimiter, LastUsedRecorder lastUsed) {
        super(NAME, List.of(AuthScheme.BEARER), resolver);
        this.rateLimiter = rateLimiter;
        this.lastUsed = lastUsed;
    }




    @Override
    public Optional<String> credentialId(ApiKeyCredential credential) {
        return Optional.of(credential.keyId());
    }

    @Override
    public LatchkeyCaller caller(ApiKeyCredential credential, CredentialValidationResult valid) {
        return LatchkeyCaller.from(valid, NAME, credential.keyId(),
                Map.of(ApiKeyCallerMapper.ATTR_KEY_ID, credential.keyId()));
    }

    /** The key's own quota (carried by {@link ApiKeyCallerMapper}), else the default; 429 over it. */
    @Override
    public Map<String, String> accepted(ApiKeyCredential credential, LatchkeyCaller caller) {
        Optional<RateLimit> own = caller.attributes().get(ApiKeyCallerMapper.ATTR_RATE_LIMIT) instanceof RateLimit limit
                ? Optional.of(limit) : Optional.empty();
        Map<String, String> headers = rateLimiter.enforce(credential.keyId(), own);
        lastUsed.touch(credential.keyId());
        return headers;
    }

    /** An unknown key: the answer reveals nothing about which key ids exist. */
    @Override
    public AuthError invalid(ApiKeyCredential credential) {
        return AuthError.invalidToken(AuthScheme.BEARER, "invalid API key", "api_key_unknown")
                .withCredentialId(credential.keyId());
    }
}
