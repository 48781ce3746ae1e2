package dev.latchkey.auth.signature;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthenticationFailure;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.auth.signature.SignatureFixture.post;
import static dev.latchkey.auth.signature.SignatureFixture.signedPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureIdentityStoreTest {

    private final SignatureFixture fx = new SignatureFixture();
    private final SignatureIdentityStore store = new SignatureIdentityStore(() -> fx.verifier);

    @Test
    void whenSignatureVerifiesThenCallerIsTheKeysClientWithItsScopes() {
        SignatureCredential credential = new SignatureCredential(post(signedPost(fx.edSigner().build(), Map.of())));
        CredentialValidationResult result = store.validate(credential);
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        LatchkeyCaller caller = (LatchkeyCaller) result.getCallerPrincipal();
        assertEquals("partner-ed", caller.getName());
        assertEquals("signature", caller.mechanism());
        assertEquals(Set.of("orders:read"), caller.scopes());
        assertEquals(fx.ed.keyId(), caller.credentialId().orElseThrow());
        assertTrue(credential.verified().orElseThrow().coversContentDigest());
    }

    @Test
    void whenOtherCredentialOrNoSignatureThenNotValidated() {
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                store.validate(new UsernamePasswordCredential("a", "b")).getStatus());
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                store.validate(new SignatureCredential(post(Map.of("Accept", List.of("*/*"))))).getStatus());
    }

    @Test
    void whenSignatureFailsThenTheVerifiersFailureNotInvalid() {
        SignatureCredential credential = new SignatureCredential(post(signedPost(fx.edSigner()
                .components("@method").build(), Map.of())));
        assertEquals(401, assertThrows(AuthenticationFailure.class, () -> store.validate(credential)).error()
                .status());
    }
}
