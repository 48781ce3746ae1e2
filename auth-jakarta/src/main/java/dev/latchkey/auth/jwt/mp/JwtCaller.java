package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.jwt.mapping.ClaimValues;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The caller a bearer JWT authenticated: a {@link LatchkeyCaller} (mechanism {@code jwt}, {@code dpop} when DPoP-bound, groups, scopes, the claims as
 * attributes) that is also the MicroProfile {@link JsonWebToken}. One object is therefore the container principal
 * ({@code HttpServletRequest.getUserPrincipal()}, JAX-RS {@code SecurityContext.getUserPrincipal()}, MicroProfile JWT
 * 2.1 "JAX-RS Container API Integration": "MUST be an instance of JsonWebToken"), the injected {@code JsonWebToken}
 * and {@code Principal}, and the {@code CurrentCaller}.
 *
 * <p>Claims are read through {@link LatchkeyJsonWebToken} (the MicroProfile claim types); its {@code groups} claim is
 * this caller's groups. {@link #toString()} never shows the raw token or claim values.
 */
public final class JwtCaller extends LatchkeyCaller implements JsonWebToken {

    /** The caller's mechanism name. */
    public static final String MECHANISM = JwtCallerMapper.MECHANISM;

    private final LatchkeyJsonWebToken token;

    /**
     * @param claims       the verified claims, immutable (see {@link ClaimValues#immutableCopy(Map)})
     * @param credentialId the token's {@code jti} when fit for a log, or {@code null}
     * @param rawToken     the compact token, for {@link #getRawToken()} only
     */
    public JwtCaller(String name, Set<String> groups, Set<String> scopes, Map<String, Object> claims,
                     String credentialId, String rawToken) {
        super(name, MECHANISM, groups, scopes, claims, credentialId);
        // The token reads the caller's own (immutable) name, claims and groups: nothing is stored twice.
        this.token = new LatchkeyJsonWebToken(getName(), rawToken, attributes(), groups());
    }

    private JwtCaller(JwtCaller caller, String mechanism, Set<String> groups) {
        super(caller.getName(), mechanism, groups, caller.scopes(), caller.attributes(),
                caller.credentialId().orElse(null));
        this.token = caller.token.withGroups(groups());
    }

    @Override
    public JwtCaller withGroups(Set<String> groups) {
        return new JwtCaller(this, mechanism(), groups);
    }

    /** The same token's caller for another kind, e.g. {@code dpop}: still a {@link JsonWebToken}. */
    @Override
    public JwtCaller withMechanism(String mechanism) {
        return new JwtCaller(this, mechanism, groups());
    }

    /** The verified {@code iss} claim. */
    @Override
    public Optional<String> issuer() {
        return Optional.ofNullable(getIssuer());
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return token.getClaim(claimName);
    }

    @Override
    public long getExpirationTime() {
        return token.getExpirationTime();
    }

    @Override
    public long getIssuedAtTime() {
        return token.getIssuedAtTime();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JwtCaller other && super.equals(other)
                && java.util.Objects.equals(getRawToken(), other.getRawToken());
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
