package dev.latchkey.sample.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints the sample's access tokens: RS256-signed JWTs (RFC 7515) with {@code iss}, {@code sub}, {@code aud},
 * {@code iat}, {@code exp} and a random {@code jti} (RFC 7519 §4.1), {@code scope} as a space-separated string
 * (RFC 8693 §4.2) and optional {@code groups} (MicroProfile JWT). The header names the key's {@code kid}.
 */
public final class SampleTokens {

    /** The default lifetime of a minted token. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    /**
     * What to put in one token; {@code issuedAt} and {@code ttl} give {@code iat} and {@code exp}; {@code jkt}, when
     * not null, binds the token to a DPoP key ({@code cnf.jkt}, RFC 9449 §6.1).
     */
    public record Request(String issuer, String subject, List<String> audiences, List<String> scopes,
                          List<String> groups, Instant issuedAt, Duration ttl, String jkt) {
        public Request {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            audiences = List.copyOf(audiences);
            scopes = List.copyOf(scopes);
            groups = List.copyOf(groups);
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(ttl, "ttl");
        }
    }

    private SampleTokens() {
    }

    /** The compact serialization of a token for {@code request}, signed with {@code key}. */
    public static String mint(DevSigningKey key, Request request) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.issuer())
                .subject(request.subject())
                .audience(request.audiences())
                .issueTime(Date.from(request.issuedAt()))
                .expirationTime(Date.from(request.issuedAt().plus(request.ttl())))
                .jwtID(UUID.randomUUID().toString());
        if (!request.scopes().isEmpty()) {
            claims.claim("scope", String.join(" ", request.scopes()));
        }
        if (!request.groups().isEmpty()) {
            claims.claim("groups", request.groups());
        }
        if (request.jkt() != null) {
            claims.claim("cnf", java.util.Map.of("jkt", request.jkt()));
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }
}
