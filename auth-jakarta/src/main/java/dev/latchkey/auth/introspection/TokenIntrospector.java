package dev.latchkey.auth.introspection;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.function.Function;

/**
 * Checks an opaque access token by introspection (RFC 7662): the cached or fresh answer must say {@code active}, and
 * the token must not be expired or not yet valid, must come from the configured issuer and be meant for one of the
 * configured audiences (RFC 7662 §4: the resource server decides what an active token may do here). A refusal is 401
 * {@code invalid_token}; an endpoint that gives no answer is 503.
 */
public final class TokenIntrospector {

    private final IntrospectionSettings settings;
    private final IntrospectionCache cache;
    private final Function<String, IntrospectedToken> client;
    private final Clock clock;

    /**
     * @param client asks the endpoint ({@link IntrospectionClient#introspect}), never called for a cached answer, at
     *               most {@link IntrospectionSettings#maxConcurrent()} calls at once
     */
    public TokenIntrospector(IntrospectionSettings settings, Function<String, IntrospectedToken> client, Clock clock) {
        this.settings = settings;
        this.cache = new IntrospectionCache(settings, clock);
        this.client = new IntrospectionLimit(settings.maxConcurrent(), client);
        this.clock = clock;
    }

    /**
     * @return the active token's answer
     * @throws AuthenticationFailure 401 {@code invalid_token} (Bearer challenge) or 503
     */
    public IntrospectedToken check(String token) {
        IntrospectedToken answer = cache.get(token, client);
        if (!answer.active()) {
            throw refused("token is not active", "token_inactive");
        }
        if (answer.malformedTimes()) { // the authorization server's answer, not the caller's token: ours to fix
            throw new AuthenticationFailure(AuthError.unavailable("token introspection answer is malformed",
                    "introspection_malformed_time"));
        }
        Instant now = clock.instant();
        if (answer.expiresAt().filter(exp -> !exp.isAfter(now)).isPresent()) {
            throw refused("token expired", "token_expired");
        }
        if (answer.notBefore().filter(nbf -> nbf.isAfter(now)).isPresent()) {
            throw refused("token not yet valid", "token_not_yet_valid");
        }
        if (settings.issuer().isPresent() && !settings.issuer().equals(answer.string("iss"))) { // absent too
            throw refused("token from another issuer", "wrong_issuer");
        }
        if (!settings.audiences().isEmpty() && Collections.disjoint(settings.audiences(), answer.audiences())) {
            throw refused("token not intended for this resource", "wrong_audience");
        }
        return answer;
    }

    private static AuthenticationFailure refused(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidToken(AuthScheme.BEARER, description, reason));
    }
}
