package dev.latchkey.test.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A token issuer for tests: an issuer identifier, an audience and a signing key, the public JWKS of that key, and the
 * MicroProfile JWT properties of an API that trusts it. {@link #token()} starts a valid token for {@code alice}.
 */
public record TestIssuer(String issuer, String audience, JWK key) {

    public static final String DEFAULT_ISSUER = "https://issuer.latchkey.test";
    public static final String DEFAULT_AUDIENCE = "api";
    public static final String DEFAULT_SUBJECT = "alice";

    public TestIssuer {
        Objects.requireNonNull(issuer, "issuer");
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("the issuer's key must hold its private part to sign");
        }
    }

    /** {@value #DEFAULT_ISSUER} for audience {@value #DEFAULT_AUDIENCE}, with one RSA key for the test run. */
    public static TestIssuer create() {
        return of(DEFAULT_ISSUER, DEFAULT_AUDIENCE, TestKeys.rsa("latchkey-test-issuer"));
    }

    /** @param audience {@code null}: tokens carry no {@code aud} and the properties set no audience */
    public static TestIssuer of(String issuer, String audience, JWK key) {
        return new TestIssuer(issuer, audience, key);
    }

    /** An issuer whose private key is read from a JWK file: the key a running server already trusts. */
    public static TestIssuer fromJwkFile(String issuer, String audience, Path privateJwk) {
        try {
            return of(issuer, audience, JWK.parse(Files.readString(privateJwk)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException(privateJwk + ": not a JWK", e);
        }
    }

    /** A valid token of this issuer: {@code iss}, {@code aud}, {@code sub} {@value #DEFAULT_SUBJECT}, five minutes. */
    public TokenBuilder token() {
        TokenBuilder token = TokenBuilder.signedBy(key).issuer(issuer).subject(DEFAULT_SUBJECT);
        return audience == null ? token : token.audience(audience);
    }

    /** The public key as a JWK Set document (RFC 7517 §5). */
    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** The public key beside {@code others} (public parts) in one JWK Set, as an identity provider publishes them. */
    public String publicJwksWith(JWK... others) {
        List<JWK> keys = new ArrayList<>(List.of(key.toPublicJWK()));
        for (JWK other : others) {
            keys.add(other.toPublicJWK());
        }
        return new JWKSet(keys).toString();
    }

    /** {@code mp.jwt.verify.issuer}, {@code .audiences} and the public JWKS inline in {@code .publickey}. */
    public Map<String, String> properties() {
        return properties("mp.jwt.verify.publickey", publicJwks());
    }

    /** As {@link #properties()}, the keys fetched from {@code jwksUrl} ({@code mp.jwt.verify.publickey.location}). */
    public Map<String, String> properties(String jwksUrl) {
        return properties("mp.jwt.verify.publickey.location", jwksUrl);
    }

    private Map<String, String> properties(String keyProperty, String keyValue) {
        return audience == null ? Map.of("mp.jwt.verify.issuer", issuer, keyProperty, keyValue)
                : Map.of("mp.jwt.verify.issuer", issuer, "mp.jwt.verify.audiences", audience, keyProperty, keyValue);
    }

    @Override
    public String toString() {
        return "TestIssuer[" + issuer + ", kid=" + key.getKeyID() + "]";
    }
}
