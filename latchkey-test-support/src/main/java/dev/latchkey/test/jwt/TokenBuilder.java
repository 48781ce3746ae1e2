package dev.latchkey.test.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWK;
import dev.latchkey.test.http.Credential;

import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A JWT to sign at test time: valid by default (issued now, five minutes of life, a fresh {@code jti},
 * {@code typ: JWT}, the key's {@code kid} and default algorithm), changed by any number of calls applied in order.
 * It is a {@link Credential}: as such it adds {@code Authorization: Bearer <token>} (RFC 6750 §2.1), signed anew per
 * request.
 *
 * <pre>{@code
 * issuer.token().subject("bob").scope("orders:read").sign();
 * issuer.token().expired();                  // exp ten minutes ago: 401 whatever the clock skew
 * issuer.token().wrongKey();                 // the issuer's kid, another key: 401
 * issuer.token().claim("groups", List.of("admin")).alg(JWSAlgorithm.PS256);
 * }</pre>
 */
public final class TokenBuilder implements Credential {

    /** Beyond every usual clock skew (Latchkey's default is 60 s). */
    private static final Duration WELL_PAST = Duration.ofMinutes(10);

    private final JWK key;
    private JWK signingKey;
    private JWSAlgorithm alg;
    private Clock clock = Clock.systemUTC();
    private Duration lifetime = Duration.ofMinutes(5);
    private final List<BiFunction<JWTClaimsSet.Builder, Instant, JWTClaimsSet.Builder>> claims = new ArrayList<>();
    private UnaryOperator<JWSHeader.Builder> header = UnaryOperator.identity();

    private TokenBuilder(JWK key) {
        this.key = Objects.requireNonNull(key, "key");
        this.signingKey = key;
        this.alg = Jws.defaultAlgorithm(key);
    }

    /** A token signed by {@code key} (with its private part), no issuer, audience or subject yet. */
    public static TokenBuilder signedBy(JWK key) {
        return new TokenBuilder(key);
    }

    public TokenBuilder issuer(String issuer) {
        return claims(c -> c.issuer(issuer));
    }

    /** {@code aud}: one value as a string, several as an array. */
    public TokenBuilder audience(String... audiences) {
        return claims(c -> audiences.length == 1 ? c.audience(audiences[0]) : c.audience(List.of(audiences)));
    }

    public TokenBuilder subject(String subject) {
        return claims(c -> c.subject(subject));
    }

    /** {@code scope}: the scopes space-separated (RFC 8693 §4.2, RFC 9068 §2.2.3). */
    public TokenBuilder scope(String... scopes) {
        return claim("scope", String.join(" ", scopes));
    }

    /** {@code groups} (MicroProfile JWT): an array. */
    public TokenBuilder groups(String... groups) {
        return claim("groups", List.of(groups));
    }

    /**
     * {@code cnf} binding the token to {@code certificate}: {@code x5t#S256}, the base64url SHA-256 of its DER
     * (RFC 8705 §3.1).
     */
    public TokenBuilder boundTo(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return claim("cnf", Map.of("x5t#S256", Jws.b64(digest)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any claim; {@code null} removes it. */
    public TokenBuilder claim(String name, Object value) {
        return claims(c -> c.claim(name, value));
    }

    /** Any change of the claims, after the ones before. */
    public TokenBuilder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        claims.add((c, at) -> change.apply(c));
        return this;
    }

    /** The moment the token is made ({@code iat}, and the base of {@code exp}); the current time by default. */
    public TokenBuilder at(Instant instant) {
        return clock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Where the moment of signing is read, e.g. the clock the server under test reads. */
    public TokenBuilder clock(Clock source) {
        this.clock = Objects.requireNonNull(source, "clock");
        return this;
    }

    /** How long after {@code iat} the token expires. */
    public TokenBuilder lifetime(Duration duration) {
        this.lifetime = duration;
        return this;
    }

    /** Expired ten minutes ago (issued twenty minutes ago). */
    public TokenBuilder expired() {
        claims.add((c, at) -> c.issueTime(Date.from(at.minus(WELL_PAST.multipliedBy(2))))
                .expirationTime(Date.from(at.minus(WELL_PAST))));
        return this;
    }

    /** Not valid before ten minutes from now ({@code nbf}). */
    public TokenBuilder notYetValid() {
        claims.add((c, at) -> c.notBeforeTime(Date.from(at.plus(WELL_PAST))));
        return this;
    }

    public TokenBuilder alg(JWSAlgorithm algorithm) {
        this.alg = algorithm;
        return this;
    }

    /** {@code kid} in the header; {@code null} leaves it out. */
    public TokenBuilder keyId(String kid) {
        return header(h -> h.keyID(kid));
    }

    /** {@code typ} in the header, e.g. {@code at+jwt} (RFC 9068); {@code null} leaves it out. */
    public TokenBuilder type(String type) {
        return header(h -> h.type(type == null ? null : new JOSEObjectType(type)));
    }

    /** Any change of the header, after the ones before. */
    public TokenBuilder header(UnaryOperator<JWSHeader.Builder> change) {
        UnaryOperator<JWSHeader.Builder> before = header;
        header = h -> change.apply(before.apply(h));
        return this;
    }

    /** Signed by a fresh key of the same type under the same {@code kid}: what a forger without the key makes. */
    public TokenBuilder wrongKey() {
        return signedWith(TestKeys.newLike(key));
    }

    /** Signed with {@code other}'s private key, the header still naming the builder's key. */
    public TokenBuilder signedWith(JWK other) {
        this.signingKey = other;
        return this;
    }

    /** The claims as they would be signed now. */
    public JWTClaimsSet claimsSet() {
        Instant at = clock.instant();
        JWTClaimsSet.Builder built = new JWTClaimsSet.Builder().issueTime(Date.from(at))
                .expirationTime(Date.from(at.plus(lifetime))).jwtID(UUID.randomUUID().toString());
        for (BiFunction<JWTClaimsSet.Builder, Instant, JWTClaimsSet.Builder> change : claims) {
            built = change.apply(built, at);
        }
        return built.build();
    }

    public SignedJWT signedJwt() {
        JWSHeader.Builder h = new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
        SignedJWT jwt = new SignedJWT(header.apply(h).build(), claimsSet());
        try {
            jwt.sign(Jws.signer(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt;
    }

    /** The compact serialization. */
    public String sign() {
        return signedJwt().serialize();
    }

    /** The same claims unsecured ({@code alg: none}, empty signature, RFC 7519 §6): always refused. */
    public String unsecured() {
        return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claimsSet()).serialize();
    }

    @Override
    public void addTo(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + sign());
    }

    @Override
    public String toString() {
        return "TokenBuilder[kid=" + key.getKeyID() + ", alg=" + alg + "]";
    }
}
