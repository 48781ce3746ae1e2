package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * MicroProfile JWT 2.1 claim verification properties: {@code mp.jwt.verify.issuer}, {@code .audiences},
 * {@code .token.age} (no leeway, also for a cached verification) and {@code .clock.skew}.
 */
class MicroProfileClaimsConfigTest {

    private final RSAKey rsa = TestKeys.rsa("claims-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);

    private JwtVerifier verifier(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        p.put("mp.jwt.verify.publickey", rsa.toPublicJWK().toJSONString());
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return Verifiers.verifier(p, clock);
    }

    @Test
    void whenTokenAgePassesAfterACachedVerificationThenRejected() {
        JwtVerifier v = verifier("mp.jwt.verify.token.age", "4");
        String token = Tokens.signedBy(rsa).claims(b -> b.issueTime(Date.from(clock.instant()))).sign();
        assertEquals("alice", v.verify(token, null).claims().getSubject());
        clock.advance(Duration.ofSeconds(4));
        assertEquals("alice", v.verify(token, null).claims().getSubject(), "exactly the age: still accepted");
        clock.advance(Duration.ofSeconds(1));
        assertRejected(JwtRejection.TOKEN_TOO_OLD, () -> v.verify(token, null));
    }

    @Test
    void whenClockSkewConfiguredThenItBoundsExpLeeway() {
        String token = Tokens.signedBy(rsa).sign(); // exp = now + 300 s
        clock.advance(Duration.ofSeconds(300 + 5));
        assertEquals("alice", verifier("mp.jwt.verify.clock.skew", "10").verify(token, null).claims().getSubject());
        assertRejected(JwtRejection.TOKEN_EXPIRED, () -> verifier("mp.jwt.verify.clock.skew", "0").verify(token, null));
    }

    @Test
    void whenTokenAgeConfiguredThenClockSkewDoesNotExtendIt() {
        String token = Tokens.signedBy(rsa).claims(b -> b.issueTime(Date.from(clock.instant()))).sign();
        clock.advance(Duration.ofSeconds(31));
        assertRejected(JwtRejection.TOKEN_TOO_OLD, () -> verifier("mp.jwt.verify.token.age", "30",
                "mp.jwt.verify.clock.skew", "600").verify(token, null));
    }

    @Test
    void whenSeveralAudiencesConfiguredThenAnyOneMatches() {
        JwtVerifier v = verifier("mp.jwt.verify.audiences", "s6BhdRkqt3, api , other");
        assertEquals("alice", v.verify(Tokens.signedBy(rsa).claims(b -> b.audience("other")).sign(), null)
                .claims().getSubject());
        assertEquals("alice", v.verify(Tokens.signedBy(rsa).claims(b -> b.audience(List.of("x", "s6BhdRkqt3")))
                .sign(), null).claims().getSubject());
        assertRejected(JwtRejection.WRONG_AUDIENCE,
                () -> v.verify(Tokens.signedBy(rsa).claims(b -> b.audience("nobody")).sign(), null));
    }

    @Test
    void whenAudiencesNotConfiguredThenAudIsNotChecked() {
        assertEquals("alice", verifier().verify(Tokens.signedBy(rsa).claims(b -> b.audience("anything")).sign(), null)
                .claims().getSubject());
    }

    @Test
    void whenIssMissingOrDifferentThenWrongIssuer() {
        JwtVerifier v = verifier();
        assertRejected(JwtRejection.WRONG_ISSUER,
                () -> v.verify(Tokens.signedBy(rsa).claims(b -> b.issuer(null)).sign(), null));
        assertRejected(JwtRejection.WRONG_ISSUER,
                () -> v.verify(Tokens.signedBy(rsa).claims(b -> b.issuer(Tokens.ISSUER + "/")).sign(), null));
    }
}
