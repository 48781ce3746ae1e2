package dev.latchkey.containers;

import dev.latchkey.containers.support.Container;
import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import dev.latchkey.containers.support.JwksIssuer;
import dev.latchkey.test.dpop.DPoPClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * RFC 9449 on every container through real HTTP: DPoP-bound JWTs ({@code cnf.jkt}) with proofs made by Nimbus
 * oauth2-oidc-sdk in the test, their {@code htu} built from the URL the container reports (no proxy in between: the
 * effective request URI is the request's own {@code Host} and path).
 */
@ExtendWith(ArquillianExtension.class)
class DPoPTest {

    private static final JwksIssuer ISSUER = JwksIssuer.get();
    private static final DPoPClient CLIENT = DPoPClient.generate(Clock.systemUTC());

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(ISSUER.config());
        config.put("latchkey.mechanisms", "dpop,jwt");
        config.put("latchkey.realm", "orders");
        config.put("latchkey.dpop.algorithms", "ES256,PS256");
        config.put("latchkey.dpop.origins", Container.origins());
        return Deployments.war("dpop", config, "ApiApplication", "OrdersResource");
    }

    @ArquillianResource
    URL base;

    private static String boundToken() {
        return ISSUER.token("alice", List.of(), "orders:read", CLIENT.binding());
    }

    /** The URL of {@code path} as the test client addresses it: a proof's {@code htu}. */
    private String url(String path) {
        return Container.loopback(base) + path;
    }

    private HttpResponse<String> orders(String token, String proof) {
        return proof == null ? Http.get(base, "/api/orders", "Authorization", "DPoP " + token)
                : Http.get(base, "/api/orders", "Authorization", "DPoP " + token, "DPoP", proof);
    }

    private static void assertRefused(HttpResponse<String> response, String scheme, String error, String description) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith(scheme + " realm=\"orders\", error=\"" + error + "\", error_description=\""
                + description + "\""), challenge);
        assertTrue(response.body().contains("\"error\":\"" + error + "\""), response.body());
    }

    @Test
    void whenBoundTokenWithItsProofThen200() {
        String token = boundToken();
        HttpResponse<String> ok = orders(token, CLIENT.proof("GET", url("/api/orders"), token, null));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for alice@latchkey.test", ok.body());
        HttpResponse<String> me = Http.get(base, "/api/me", "Authorization", "DPoP " + token,
                "DPoP", CLIENT.proof("GET", url("/api/me"), token, null));
        assertEquals("alice@latchkey.test dpop [] [orders:read]", me.body()); // sender-constrained: mechanism dpop
    }

    @Test
    void whenProofReplayedThen401InvalidDPoPProof() {
        String token = boundToken();
        String proof = CLIENT.proof("GET", url("/api/orders"), token, null);
        assertEquals(200, orders(token, proof).statusCode());
        assertRefused(orders(token, proof), "DPoP", "invalid_dpop_proof", "DPoP proof was already used");
    }

    @Test
    void whenProofForAnotherMethodOrUriThen401InvalidDPoPProof() {
        String token = boundToken();
        assertRefused(orders(token, CLIENT.proof("POST", url("/api/orders"), token, null)),
                "DPoP", "invalid_dpop_proof", "DPoP proof htm does not match the request method");
        assertRefused(orders(token, CLIENT.proof("GET", url("/api/me"), token, null)),
                "DPoP", "invalid_dpop_proof", "DPoP proof htu does not match the request URI");
    }

    /**
     * Over the container's own TLS listener (WildFly, Payara; no proxy): the effective URI is {@code https} with that
     * port, and a proof naming the plain-HTTP URI of the same path does not count for it.
     */
    @Test
    void whenOverHttpsThenProofForTheHttpsUri200AndForTheHttpUri401() {
        URL https = Container.https(base).orElse(null);
        assumeTrue(https != null, "the Arquillian Jetty container has no TLS connector");
        String token = boundToken();
        String httpsUrl = Container.loopback(https) + "/api/orders";
        HttpResponse<String> ok = Http.get(https, "/api/orders", "Authorization", "DPoP " + token,
                "DPoP", CLIENT.proof("GET", httpsUrl, token, null));
        assertEquals(200, ok.statusCode(), ok.body());
        assertRefused(Http.get(https, "/api/orders", "Authorization", "DPoP " + token,
                "DPoP", CLIENT.proof("GET", url("/api/orders"), token, null)),
                "DPoP", "invalid_dpop_proof", "DPoP proof htu does not match the request URI");
    }

    @Test
    void whenBoundTokenSentAsBearerThen401InvalidToken() {
        HttpResponse<String> refused = Http.get(base, "/api/orders", "Authorization", "Bearer " + boundToken());
        assertRefused(refused, "Bearer", "invalid_token", "DPoP-bound token must be sent with the DPoP scheme");
    }

    @Test
    void whenProofMissingThen401WithDPoPChallengeListingAlgs() {
        HttpResponse<String> refused = orders(boundToken(), null);
        assertRefused(refused, "DPoP", "invalid_dpop_proof", "DPoP proof missing");
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().endsWith(", algs=\"ES256 PS256\""),
                refused.headers().toString());
        HttpResponse<String> anonymous = Http.get(base, "/api/orders");
        assertEquals(List.of("DPoP realm=\"orders\", algs=\"ES256 PS256\"", "Bearer realm=\"orders\""),
                anonymous.headers().allValues("WWW-Authenticate"));
    }
}
