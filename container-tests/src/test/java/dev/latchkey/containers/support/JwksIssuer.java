package dev.latchkey.containers.support;

import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.jwt.TestKeys;

import java.util.List;
import java.util.Map;

/**
 * The suite's token issuer (the test kit's {@link TestIssuer}): an RSA key made at test time, its JWKS served over
 * HTTP on a free loopback port (the deployed application fetches it, as from an identity provider), and tokens signed
 * with it.
 */
public final class JwksIssuer {

    public static final String ISSUER = "https://issuer.latchkey.test";
    public static final String AUDIENCE = "orders-api";

    private static final JwksIssuer INSTANCE = new JwksIssuer();

    private final TestIssuer issuer = TestIssuer.of(ISSUER, AUDIENCE, TestKeys.newRsa("suite-1"));
    private final JwksServer server = JwksServer.serving(issuer);

    private JwksIssuer() {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    public static JwksIssuer get() {
        return INSTANCE;
    }

    /** The configuration of a WAR that accepts this issuer's tokens, its keys fetched over HTTP. */
    public Map<String, String> config() {
        return issuer.properties(server.url());
    }

    /** A valid token for {@code subject}, with groups and a space-separated {@code scope}. */
    public String token(String subject, List<String> groups, String scope) {
        return token(subject, groups, scope, Map.of());
    }

    /** As {@link #token(String, List, String)}, with {@code extra} claims ({@code acr}, {@code auth_time}, ...). */
    public String token(String subject, List<String> groups, String scope, Map<String, Object> extra) {
        var builder = issuer.token().subject(subject).claim("upn", subject + "@latchkey.test").claim("groups", groups)
                .scope(scope).type(null);
        extra.forEach(builder::claim);
        return builder.sign();
    }
}
