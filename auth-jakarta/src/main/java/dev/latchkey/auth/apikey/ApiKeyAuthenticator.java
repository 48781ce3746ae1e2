package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code api-key} authenticator: resolves the key ({@link ApiKeyResolver}), validates it through the
 * {@link IdentityStoreHandler} (so application identity stores take part; {@link ApiKeyIdentityStore} is Latchkey's),
 * applies the per-key rate limit ({@link ApiKeyRateLimiter}) and records the use ({@link LastUsedRecorder}).
 *
 * <p>On success the RateLimit-* headers travel on the {@link AuthOutcome.Authenticated} outcome. Keys found in a URL
 * are logged by key id only and fired as {@link ApiKeyExposed} events.
 */
@ApplicationScoped
@Named("api-key")
public class ApiKeyAuthenticator implements CredentialAuthenticator {

    private static final System.Logger LOG = System.getLogger(ApiKeyAuthenticator.class.getName());
    private static final String SCHEME = "Bearer";

    @Inject
    IdentityStoreHandler identityStoreHandler;
    @Inject
    ApiKeySettings settings;
    @Inject
    ApiKeyValidator validator;
    @Inject
    ApiKeyRateLimiter rateLimiter;
    @Inject
    LastUsedRecorder lastUsed;
    @Inject
    Event<ApiKeyExposed> exposedEvents;

    private ApiKeyResolver resolver;

    protected ApiKeyAuthenticator() {
        // for CDI
    }

    /** For use without CDI (and tests). */
    public ApiKeyAuthenticator(IdentityStoreHandler identityStoreHandler, ApiKeyResolver resolver,
                               ApiKeyValidator validator, ApiKeyRateLimiter rateLimiter, LastUsedRecorder lastUsed) {
        this.identityStoreHandler = identityStoreHandler;
        this.resolver = resolver;
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.lastUsed = lastUsed;
    }

    @PostConstruct
    void init() {
        resolver = new ApiKeyResolver(validator.format(), settings, TrustedProxies.from(ConfigReader.current()),
                this::exposed);
    }

    /** Logs (key id only) and fires the event. */
    void exposed(ApiKeyExposed event) {
        if (event.keyId() != null) {
            LOG.log(Level.WARNING, "API key sent in the URL (query parameter {0}) from {1} to {2}: key_id={3}; "
                    + "treat it as leaked and rotate it", event.parameter(), event.remoteAddress(), event.path(),
                    event.keyId());
        } else {
            LOG.log(Level.WARNING, "Value in API key query parameter {0} from {1} to {2} refused (not a well-formed "
                    + "key)", event.parameter(), event.remoteAddress(), event.path());
        }
        if (exposedEvents != null) {
            exposedEvents.fire(event);
        }
    }

    @Override
    public String name() {
        return ApiKeyCallerMapper.MECHANISM;
    }

    @Override
    public Optional<String> challengeScheme() {
        return Optional.of(SCHEME);
    }

    @Override
    public Optional<String> credentialSource(HttpServletRequest request) {
        return resolver.credentialSource(request);
    }

    @Override
    public AuthOutcome authenticate(HttpServletRequest request) {
        Optional<ResolvedApiKey> resolved = resolver.resolve(request);
        if (resolved.isEmpty()) {
            return AuthOutcome.NO_CREDENTIAL;
        }
        // Format and checksum first, once: a malformed key never reaches an identity store.
        ParsedApiKey key = validator.format().parse(resolved.get().key());
        String keyId = key.keyId();
        CredentialValidationResult result = identityStoreHandler.validate(
                new ApiKeyCredential(key, resolved.get().source()));
        switch (result.getStatus()) {
            case VALID -> {
                LatchkeyCaller caller = LatchkeyCaller.from(result, ApiKeyCallerMapper.MECHANISM, keyId,
                        Map.of(ApiKeyCallerMapper.ATTR_KEY_ID, keyId));
                Map<String, String> headers = rateLimiter.enforce(keyId, rateLimitOf(caller));
                lastUsed.touch(keyId);
                return AuthOutcome.authenticated(caller, headers);
            }
            case INVALID -> {
                return AuthOutcome.rejected(AuthError.invalidToken(SCHEME, "invalid API key", "api_key_unknown")
                        .withCredentialId(keyId));
            }
            default -> {
                return AuthOutcome.rejected(AuthError.unavailable("no identity store validates API keys",
                        "api_key_not_validated").withCredentialId(keyId));
            }
        }
    }

    /** The key's own quota, carried by {@link ApiKeyCallerMapper}; none (the default applies) otherwise. */
    private static Optional<RateLimit> rateLimitOf(LatchkeyCaller caller) {
        return caller.attributes().get(ApiKeyCallerMapper.ATTR_RATE_LIMIT) instanceof RateLimit limit
                ? Optional.of(limit) : Optional.empty();
    }
}
