package dev.latchkey.auth.basic;

import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.FakeRequest;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import dev.latchkey.auth.spi.CredentialRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialResolverTest {

    private final BasicCredentialResolver resolver = new BasicCredentialResolver(List.of("sk_live_", "sk_test_"));

    static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static CredentialRequest request(String authorization) {
        return CredentialRequest.of(FakeRequest.create().header("Authorization", authorization).build());
    }

    private UsernamePasswordCredential resolve(String authorization) {
        return resolver.resolve(request(authorization)).orElseThrow();
    }

    @Test
    void whenPasswordContainsColonsThenSplitAtFirstColon() {
        UsernamePasswordCredential c = resolve(basic("alice:pa:ss:word:"));
        assertEquals("alice", c.getCaller());
        assertEquals("pa:ss:word:", c.getPasswordAsString());
    }

    @Test
    void whenPasswordIsNonAsciiThenDecodedAsUtf8() {
        UsernamePasswordCredential c = resolve(basic("jürgen:pässwörd€\uD83D\uDD11"));
        assertEquals("jürgen", c.getCaller());
        assertEquals("pässwörd€\uD83D\uDD11", c.getPasswordAsString());
    }

    @Test
    void whenPasswordIsEmptyThenAccepted() {
        assertEquals("", resolve(basic("alice:")).getPasswordAsString());
    }

    @Test
    void whenSchemeIsLowercaseThenStillBasic() {
        String token = basic("alice:secret").substring("Basic ".length());
        assertEquals("alice", resolve("basic " + token).getCaller());
        assertEquals("alice", resolve("BASIC   " + token).getCaller());
    }

    @Test
    void whenBase64IsMalformedThen400() {
        assertBadRequest("Basic !!!not-base64!!!", "basic_bad_base64");
        assertBadRequest("Basic YWxpY2U6c2VjcmV0=", "basic_bad_base64"); // wrong padding
    }

    @Test
    void whenColonIsMissingThen400() {
        assertBadRequest(basic("alicesecret"), "basic_no_colon");
    }

    @Test
    void whenUsernameIsEmptyThen400() {
        assertBadRequest(basic(":secret"), "basic_empty_user");
    }

    @Test
    void whenTokenIsMissingThen400() {
        assertBadRequest("Basic", "basic_malformed");
        assertBadRequest("Basic   ", "basic_malformed");
    }

    @Test
    void whenUtf8IsMalformedThen400() {
        byte[] bad = {'a', ':', (byte) 0xC3, (byte) 0x28};
        assertBadRequest("Basic " + Base64.getEncoder().encodeToString(bad), "basic_bad_utf8");
    }

    @Test
    void whenControlCharacterThen400() {
        assertBadRequest(basic("ali\u0000ce:secret"), "basic_control_chars");
    }

    @Test
    void whenOtherSchemeThenNoCredential() {
        assertEquals(Optional.empty(), resolver.resolve(request("Bearer abc")));
        assertEquals(Optional.empty(), resolver.resolve(request("BasicAuth abc")));
        assertEquals(Optional.empty(), resolver.resolve(CredentialRequest.of(FakeRequest.create().build())));
        assertEquals(Optional.empty(), resolver.source(request("Bearer abc")));
    }

    @Test
    void whenUsernameIsAnApiKeyThenLeftToTheApiKeyAuthenticator() {
        assertEquals(Optional.empty(), resolver.resolve(request(basic("sk_live_abc123:"))));
        // The same source as the API-key resolver reports for it: the chain sees one credential, not a conflict.
        assertEquals(Optional.of("header:Authorization"), resolver.source(request(basic("sk_test_abc123:"))));
    }

    @Test
    void whenUserIdLongerThanTheUsersFileAllowsThen400() {
        String max = "u".repeat(UserFile.MAX_USERNAME_LENGTH);
        assertEquals(max, resolver.resolve(request(basic(max + ":pw"))).orElseThrow().getCaller());
        assertBadRequest(basic(max + "u:pw"), "basic_user_too_long");
        String apiKey = "sk_live_" + "k".repeat(300);
        assertEquals(Optional.empty(), resolver.resolve(request(basic(apiKey + ":"))), "API keys are not Basic's");
    }

    @Test
    void whenBasicThenCredentialSourceIsAuthorizationHeader() {
        assertEquals(Optional.of("header:Authorization"), resolver.source(request(basic("alice:x"))));
        assertEquals(Optional.of("header:Authorization"), resolver.source(request("Basic %%%")));
    }

    private void assertBadRequest(String header, String reason) {
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> resolver.resolve(request(header)));
        assertEquals(400, f.error().status());
        assertEquals("Basic", f.error().scheme());
        assertEquals(reason, f.error().reason());
        assertTrue(f.getMessage() != null && !f.getMessage().contains("secret"));
    }
}
