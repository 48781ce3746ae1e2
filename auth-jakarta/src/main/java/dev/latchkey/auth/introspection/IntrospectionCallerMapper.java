package dev.latchkey.auth.introspection;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.mapping.ClaimValues;
import dev.latchkey.auth.request.AuthScheme;

import java.util.Set;

/**
 * The caller of an active introspected token (RFC 7662 §2.2): the first present of the configured name members
 * ({@code sub}, {@code username}, {@code client_id}), groups from the configured member (a dotted path such as
 * {@code realm_access.roles} for Keycloak), scopes from {@code scope}, every member as an attribute (so {@code acr},
 * {@code auth_time}, {@code client_id}, {@code cnf} reach authorization), and {@code jti} as the credential id.
 */
public final class IntrospectionCallerMapper {

    /** The mechanism name of callers authenticated by introspection. */
    public static final String MECHANISM = "introspection";

    private final IntrospectionSettings settings;

    public IntrospectionCallerMapper(IntrospectionSettings settings) {
        this.settings = settings;
    }

    /** @throws AuthenticationFailure 401 when the answer names no caller */
    public LatchkeyCaller map(IntrospectedToken token) {
        String name = settings.nameClaims().stream().map(token::string).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow(() -> new AuthenticationFailure(AuthError.invalidToken(AuthScheme.BEARER,
                        "token names no caller", "no_caller_name")));
        Set<String> groups = ClaimValues.at(token.members(), settings.groupsClaim()).map(ClaimValues::strings)
                .orElse(Set.of());
        return new LatchkeyCaller(name, MECHANISM, groups, token.scopes(), token.members(),
                token.string("jti").orElse(null));
    }
}
