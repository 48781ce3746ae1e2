package dev.latchkey.auth.isolation;

import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.jwt.JwtIdentityStore;
import dev.latchkey.auth.jwt.JwtCredential;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * TEST PROBE, run inside an {@link IsolatedClassPath}: validates a signed token through the JWT identity store and
 * describes the caller it made as "status class name groups scopes".
 */
public final class JwtProbe implements Supplier<String> {

    @Override
    public String get() {
        RSAKey rsa = TestKeys.rsa("rsa-1");
        Map<String, String> config = TestConfig.single(rsa.toPublicJWK().toJSONString());
        JwtIdentityStore store = new JwtIdentityStore(() -> Verifiers.verifier(config, new MutableClock(Tokens.NOW)),
                () -> JwtCallerMapper.of(TestConfig.settings(config)));
        CredentialValidationResult result = store.validate(new JwtCredential(Tokens.signedBy(rsa).sign(), null));
        LatchkeyCaller caller = (LatchkeyCaller) result.getCallerPrincipal();
        return result.getStatus() + " " + caller.getClass().getSimpleName() + " " + caller.getName() + " "
                + new TreeSet<>(caller.groups()) + " " + new TreeSet<>(caller.scopes());
    }
}
