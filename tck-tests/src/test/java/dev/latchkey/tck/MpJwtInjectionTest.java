package dev.latchkey.tck;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MicroProfile JWT 2.1 CDI injection over real HTTP on embedded Jetty (Weld without container security services):
 * {@code @Claim} as raw, primitive, JSON-P, {@code Optional}, {@code ClaimValue}, {@code Provider} and {@code Instance}
 * types in request- and application-scoped beans, {@code JsonWebToken} and {@code Principal}, and the empty token.
 */
@ExtendWith(ArquillianExtension.class)
class MpJwtInjectionTest {

    private static final TestTokens ISSUER = TestTokens.generate("mp1");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("mpjwt", Map.of(
                        "latchkey.mechanisms", "jwt",
                        "mp.jwt.verify.publickey", ISSUER.publicJwk(),
                        "mp.jwt.verify.issuer", TestTokens.ISSUER,
                        "mp.jwt.verify.audiences", TestTokens.AUDIENCE),
                "FixtureApplication", "ClaimsRequestScopedResource", "ClaimsApplicationScopedResource");
    }

    @ArquillianResource
    URL base;

    private static String token(String subject) {
        return ISSUER.token(c -> c.subject(subject).claim("upn", subject + "@example.com")
                .claim("groups", List.of("Tester", "Echoer"))
                .claim("auth_time", 1_700_000_000L)
                .claim("customBoolean", true)
                .claim("customInteger", 123456789L)
                .claim("customDouble", 3.141592653589793)
                .claim("customArray", List.of("a", "b", "c"))
                .claim("customObject", Map.of("key", "value")));
    }

    private JsonObject get(String path, String token) {
        HttpResponse<String> response = token == null ? Http.get(base, path)
                : Http.get(base, path, "Authorization", "Bearer " + token);
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String payloadClaim(String token, String name) {
        String json = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return Json.createReader(new StringReader(json)).readObject().get(name).toString().replace("\"", "");
    }

    @Test
    void whenRequestScopedBeanThenEveryClaimTypeInjected() {
        String token = token("alice");
        JsonObject r = get("/api/claims/request", token);
        assertEquals(token, r.getString("rawToken"));
        assertEquals(TestTokens.ISSUER, r.getString("issuer"));
        String iat = payloadClaim(token, "iat");
        assertEquals(iat, r.getString("issuedAt"));
        assertEquals(iat, r.getString("issuedAtWrapper"));
        assertEquals("true", r.getString("customBoolean"));
        assertEquals("Echoer,Tester", r.getString("groups"));
        assertEquals(TestTokens.AUDIENCE, r.getString("audience"));
        assertEquals(payloadClaim(token, "jti"), r.getString("jsonJti"));
        assertEquals("3.141592653589793", r.getString("customDouble"));
        assertEquals("3", r.getString("customArraySize"));
        assertEquals("value", r.getString("customObjectKey"));
        assertEquals("alice", r.getString("subject"));
        assertEquals("<empty>", r.getString("missing"));
        assertEquals(token, r.getString("rawTokenValue"));
        assertEquals("raw_token", r.getString("rawTokenValueName"));
        assertEquals("1700000000", r.getString("authTime"));
        assertEquals("123456789", r.getString("customInteger"));
        assertEquals(payloadClaim(token, "jti"), r.getString("jtiProvider"));
        assertEquals(payloadClaim(token, "exp"), r.getString("expInstance"));
        assertEquals("alice", r.getString("subjectProvider"));
        assertEquals(payloadClaim(token, "exp"), r.getString("jwtExp"));
        assertEquals("true", r.getString("jwtAudIsSet"));
    }

    @Test
    void whenJwtCallerThenEveryPrincipalIsTheJsonWebToken() {
        String token = token("bob");
        JsonObject r = get("/api/claims/request", token);
        assertEquals("bob@example.com", r.getString("jwtName"));
        assertEquals("bob@example.com", r.getString("principalName"));
        assertEquals(token, r.getString("jwtRawToken"));
        assertEquals("true", r.getString("contextPrincipalIsJwt"));
        assertEquals("true", r.getString("servletPrincipalSame"));
        assertEquals(token, r.getString("contextPrincipalRawToken"));
    }

    @Test
    void whenApplicationScopedBeanThenClaimValueAndProviderFollowEachRequest() {
        for (String subject : List.of("carol", "dave", "carol")) {
            String token = token(subject);
            JsonObject r = get("/api/claims/app", token);
            assertEquals(token, r.getString("jwtRawToken"), subject);
            assertEquals(token, r.getString("claimValueRawToken"), subject);
            assertEquals(token, r.getString("providerRawToken"), subject);
            assertEquals(subject, r.getString("claimValueSubject"));
            assertEquals(subject + "@example.com", r.getString("principalName"));
        }
    }

    @Test
    void whenNoTokenThenEmptyTokenAndAbsentClaims() {
        JsonObject r = get("/api/claims/request/public", null);
        assertEquals(JsonValue.NULL, r.get("jwtName"));
        assertEquals(JsonValue.NULL, r.get("jwtRawToken"));
        assertEquals(JsonValue.NULL, r.get("jwtClaimNames"));
        assertEquals(JsonValue.NULL, r.get("rawToken"));
        assertEquals(JsonValue.NULL, r.get("issuedAtWrapper"));
        assertEquals("0", r.getString("issuedAt"));
        assertEquals("false", r.getString("customBoolean"));
        assertEquals(JsonValue.NULL, r.get("groups"));
        assertEquals(JsonValue.NULL, r.get("jsonJti"));
        assertEquals("<empty>", r.getString("subject"));
        assertEquals(JsonValue.NULL, r.get("rawTokenValue"));
        assertEquals("<empty>", r.getString("authTime"));
        assertEquals(JsonValue.NULL, r.get("jtiProvider"));
        assertEquals("<empty>", r.getString("subjectProvider"));
        assertEquals(JsonValue.NULL, r.get("principalName"));
        assertEquals("false", r.getString("contextPrincipalIsJwt"));
    }

    @Test
    void whenTokenOnPublicPathThenStillInjected() {
        String token = token("erin");
        JsonObject r = get("/api/claims/request/public", token);
        assertEquals(token, r.getString("rawToken"));
        assertEquals("erin@example.com", r.getString("principalName"));
    }
}
