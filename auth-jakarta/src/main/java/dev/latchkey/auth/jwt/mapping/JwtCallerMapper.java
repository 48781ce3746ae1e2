package dev.latchkey.auth.jwt.mapping;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.validation.JwtRejection;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps verified claims to a {@link LatchkeyCaller}; where the MicroProfile JWT API is visible, a
 * {@link dev.latchkey.auth.jwt.mp.JwtCaller} that is also the {@code JsonWebToken} ({@link JwtCallerFactory}):
 * <ul>
 *   <li>name: the first present, non-blank string of {@code latchkey.jwt.name-claims} (default {@code upn}, then
 *   {@code sub}; MicroProfile JWT 2.1 §5.1 also tries the often user-editable {@code preferred_username} before
 *   {@code sub}, which is opt-in here);</li>
 *   <li>groups: the {@code latchkey.jwt.groups-claim} path, a string array or a single string;</li>
 *   <li>scopes: {@code scope}, space-separated (RFC 8693 §4.2, RFC 9068 §2.2.3), or else {@code scp} as an array or
 *   a space-separated string;</li>
 *   <li>attributes: the claims as an immutable map;</li>
 *   <li>credential id: the {@code jti} when fit for a log ({@link JwtVerifier#safeId}); mechanism
 *   {@value #MECHANISM}.</li>
 * </ul>
 * The claims are mapped once per verified token and kept with it while it is cached; only the raw token is attached
 * per request.
 */
public class JwtCallerMapper {

    public static final String MECHANISM = "jwt";

    private final List<String> nameClaims;
    private final String groupsClaim;
    private final JwtCallerFactory factory;

    /** The mapped claims, without the raw token. */
    private record Mapped(String name, Set<String> groups, Set<String> scopes, Map<String, Object> claims,
                          String credentialId) {

        LatchkeyCaller caller(JwtCallerFactory factory, String rawToken) {
            return factory.caller(name, groups, scopes, claims, credentialId, rawToken);
        }
    }

    /** With the caller type given (tests; {@link JwtCallerFactory#PLAIN} without MicroProfile JWT). */
    public JwtCallerMapper(JwtSettings settings, JwtCallerFactory factory) {
        this.nameClaims = settings.nameClaims();
        this.groupsClaim = settings.groupsClaim();
        this.factory = factory;
    }

    /** With the caller type detected ({@link JwtCallerFactory#detect()}). */
    public static JwtCallerMapper of(JwtSettings settings) {
        return new JwtCallerMapper(settings, JwtCallerFactory.detect());
    }

    /** @throws AuthenticationFailure 401 when no name claim is present */
    public LatchkeyCaller map(VerifiedJwt jwt) {
        return jwt.derived(this, Mapped.class, this::mapClaims).caller(factory, jwt.rawToken());
    }

    private Mapped mapClaims(JWTClaimsSet verified) {
        Map<String, Object> claims = ClaimValues.immutableCopy(verified.toJSONObject());
        String credentialId = JwtVerifier.safeId(verified.getJWTID());
        String name = nameClaims.stream()
                .map(claims::get)
                .filter(v -> v instanceof String s && !s.isBlank())
                .map(String.class::cast)
                .findFirst()
                .orElseThrow(() -> new AuthenticationFailure(JwtRejection.NO_CALLER_NAME.error(credentialId)));
        Set<String> groups = Set.copyOf(ClaimValues.at(claims, groupsClaim).map(ClaimValues::strings).orElse(Set.of()));
        Object scopeClaim = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
        Set<String> scopes = scopeClaim == null ? Set.of() : Set.copyOf(ClaimValues.spaceSeparated(scopeClaim));
        return new Mapped(name, groups, scopes, claims, credentialId);
    }
}
