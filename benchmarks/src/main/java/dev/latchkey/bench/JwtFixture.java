package dev.latchkey.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.auth.jwt.JwtIdentityStore;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.validation.JwtVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One issuer with an RSA-2048 and a P-256 key generated at setup, configured inline
 * ({@code mp.jwt.verify.publickey} as a JWKS, no network), and the objects {@code JwtProducers} builds from such
 * settings: {@link JwtVerifier} (with its verified-token cache), {@link JwtCallerMapper} and the
 * {@link JwtIdentityStore} over them, which is what the JWT kind reaches through the IdentityStoreHandler.
 */
public final class JwtFixture {

    public static final String ISSUER = "https://issuer.bench.example";
    public static final String AUDIENCE = "orders-api";

    public final RSAKey rsa;
    public final ECKey ec;

    private JwtFixture(RSAKey rsa, ECKey ec) {
        this.rsa = rsa;
        this.ec = ec;
    }

    public static JwtFixture generate() {
        try {
            return new JwtFixture(new RSAKeyGenerator(2048).keyID("rsa-1").generate(),
                    new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Settings as read from MicroProfile Config; {@code cacheMaxSize} 0 disables the verified-token cache. */
    public JwtSettings settings(long cacheMaxSize) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.jwt.verify.issuer", ISSUER);
        p.put("mp.jwt.verify.audiences", AUDIENCE);
        p.put("mp.jwt.verify.publickey", new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        p.put("latchkey.jwt.cache.max-size", Long.toString(cacheMaxSize));
        return JwtSettings.from(BenchConfig.of(p));
    }

    /** The identity store as {@code JwtProducers} wires it (denylist: the default in-memory one). */
    public JwtIdentityStore identityStore(long cacheMaxSize) {
        JwtSettings settings = settings(cacheMaxSize);
        JwtVerifier verifier = JwtVerifier.of(settings, InMemoryJtiDenylist.of(Clock.systemUTC()), Clock.systemUTC());
        JwtCallerMapper mapper = JwtCallerMapper.of(settings);
        return new JwtIdentityStore(() -> verifier, () -> mapper);
    }

    public String rs256Token() {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), signer(rsa));
    }

    public String es256Token() {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(), signer(ec));
    }

    /** A typical access token: issuer, audience, subject, groups, scopes, one hour of validity, a jti. */
    private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-42")
                .claim("preferred_username", "alice")
                .claim("groups", List.of("admin", "ops"))
                .claim("scope", "orders:read orders:write")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
