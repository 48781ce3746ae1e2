package dev.latchkey.auth.caller;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller, whatever the credential: an immutable {@link CallerPrincipal} carrying the mechanism that
 * authenticated it, its groups (roles), its scopes and the credential's attributes (JWT claims, API key id, certificate
 * subject or SPIFFE id).
 *
 * <p>Some containers replace custom principal types with their own; the same object is therefore also the caller of
 * the request's {@code RequestAuthContext} (request attribute {@code dev.latchkey.chain}), injectable as
 * {@code CurrentCaller}.
 *
 * <p>A credential kind may subclass it to expose a richer principal type as well (a JWT caller is also a MicroProfile
 * {@code JsonWebToken}); a subclass stays immutable and overrides {@link #withGroups(Set)}.
 */
public class LatchkeyCaller extends CallerPrincipal {

    private final String mechanism;
    private final Set<String> groups;
    private final Set<String> scopes;
    private final Map<String, Object> attributes;
    private final String credentialId;

    /**
     * @param name         the caller name (never blank)
     * @param mechanism    the credential kind that established it: {@code jwt}, {@code api-key}, {@code basic}, ...
     * @param groups       groups, used as roles
     * @param scopes       OAuth-style scopes granted to the credential
     * @param attributes   credential attributes (claims, key id, certificate subject); values must be immutable
     * @param credentialId a non-secret identifier of the credential for audit logs (JWT {@code jti}, API key id,
     *                     certificate serial), or {@code null}
     */
    public LatchkeyCaller(String name, String mechanism, Set<String> groups, Set<String> scopes,
                          Map<String, Object> attributes, String credentialId) {
        super(requireName(name));
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
        this.groups = Set.copyOf(groups);
        this.scopes = Set.copyOf(scopes);
        this.attributes = Map.copyOf(attributes);
        this.credentialId = credentialId;
    }

    /**
     * The caller an {@code IdentityStoreHandler} validated. Jakarta Security 3.0, chapter 3 (identity stores; the default IdentityStoreHandler): the handler's groups (the
     * validating store's plus those of group-only stores) are the caller's groups. A Latchkey store's caller keeps its
     * scopes and attributes; an application store's plain principal becomes a caller of {@code mechanism}.
     *
     * @param credentialId non-secret id for a plain principal (a Latchkey caller keeps its own)
     * @param attributes   attributes for a plain principal
     */
    public static LatchkeyCaller from(CredentialValidationResult result, String mechanism, String credentialId,
                                      Map<String, Object> attributes) {
        Set<String> groups = result.getCallerGroups() == null ? Set.of() : result.getCallerGroups();
        if (result.getCallerPrincipal() instanceof LatchkeyCaller caller) {
            return caller.groups.equals(groups) ? caller : caller.withGroups(groups);
        }
        return new LatchkeyCaller(result.getCallerPrincipal().getName(), mechanism, groups, Set.of(), attributes,
                credentialId);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name must not be blank");
        }
        return name;
    }

    /** This caller with other groups (an identity store handler's); a subclass returns its own type. */
    public LatchkeyCaller withGroups(Set<String> groups) {
        return new LatchkeyCaller(getName(), mechanism, groups, scopes, attributes, credentialId);
    }

    /**
     * This caller as one of another credential kind, e.g. a DPoP caller whose token the JWT kind verified; a subclass
     * returns its own type.
     */
    public LatchkeyCaller withMechanism(String mechanism) {
        return new LatchkeyCaller(getName(), mechanism, groups, scopes, attributes, credentialId);
    }

    public String mechanism() {
        return mechanism;
    }

    public Set<String> groups() {
        return groups;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public Optional<String> credentialId() {
        return Optional.ofNullable(credentialId);
    }

    /**
     * Who vouches for the name: for a JWT caller the verified {@code iss}; empty for the kinds Latchkey itself
     * vouches for (API keys, Basic users, certificates mapped by this deployment). With several issuers, one name can
     * be two people: key anything per caller on {@link CallerKey} (mechanism, issuer, name), never on the name alone.
     */
    public Optional<String> issuer() {
        return Optional.empty();
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isInGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatchkeyCaller other
                && getClass() == other.getClass()
                && getName().equals(other.getName())
                && mechanism.equals(other.mechanism)
                && groups.equals(other.groups)
                && scopes.equals(other.scopes)
                && attributes.equals(other.attributes)
                && Objects.equals(credentialId, other.credentialId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getName(), mechanism, groups, scopes);
    }

    /** Never prints attribute values: they may hold claims an operator should not see in logs. */
    @Override
    public String toString() {
        return "LatchkeyCaller[name=" + getName() + ", mechanism=" + mechanism + ", groups=" + groups
                + ", scopes=" + scopes + "]";
    }
}
