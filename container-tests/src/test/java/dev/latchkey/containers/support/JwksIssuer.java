package dev.latchkey.containers.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token issuer for the suite: an RSA key made at test time, its JWKS served over HTTP on a free loopback port (the
 * deployed application fetches it, as from an identity provider), and tokens signed with it.
 */
public final class JwksIssuer {

    public static final String ISSUER = "https://issuer.latchkey.test";
    public static final String AUDIENCE = "orders-api";

    private static final JwksIssuer INSTANCE = new JwksIssuer();

    private final RSAKey key;
    private final HttpServer server;

    private JwksIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("suite-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.setExecutor(null);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static JwksIssuer get() {
        return INSTANCE;
    }

    /** The configuration of a WAR that accepts this issuer's tokens, its keys fetched over HTTP. */
    public Map<String, String> config() {
        return Map.of("mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE,
                "mp.jwt.verify.publickey.location",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }

    /** A valid token for {@code subject}, with groups and a space-separated {@code scope}. */
    public String token(String subject, List<String> groups, String scope) {
        return token(subject, groups, scope, Map.of());
    }

    /** As {@link #token(String, List, String)}, with {@code extra} claims ({@code acr}, {@code auth_time}, ...). */
    public String token(String subject, List<String> groups, String scope, Map<String, Object> extra) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("upn", subject + "@latchkey.test").claim("groups", groups).claim("scope", scope)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
        extra.forEach(builder::claim);
        JWTClaimsSet claims = builder.build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
