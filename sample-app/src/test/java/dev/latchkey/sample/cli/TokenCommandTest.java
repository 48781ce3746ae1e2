package dev.latchkey.sample.cli;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.jwt.SampleJwtSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void whenNoKeyYetThenGeneratedWithANoteOnStandardErrorAndOneTokenOnStandardOutput() throws Exception {
        CapturedIo io = new CapturedIo();
        run(io, "--sub", "alice");
        assertTrue(io.err().startsWith("Generated a development signing key in "), io.err());
        assertEquals(1, io.out().lines().count(), io.out());
        JWTClaimsSet claims = claims(io);
        assertEquals(Date.from(NOW), claims.getIssueTime());
        assertEquals(Date.from(NOW.plus(Duration.ofMinutes(15))), claims.getExpirationTime());
        assertEquals(List.of("aud-1"), claims.getAudience());
        assertEquals(null, claims.getClaim("scope"));
    }

    @Test
    void whenTtlAudAndScopesGivenThenInTheToken() throws Exception {
        CapturedIo io = new CapturedIo();
        run(io, "--sub", "alice", "--ttl", "PT5M", "--aud", "other", "--scope", "a:read, b:write a:read");
        JWTClaimsSet claims = claims(io);
        assertEquals(Date.from(NOW.plusSeconds(300)), claims.getExpirationTime());
        assertEquals(List.of("other"), claims.getAudience());
        assertEquals("a:read b:write", claims.getStringClaim("scope"));
    }

    @Test
    void whenExpiredThenExpiryIsFiveMinutesAgo() throws Exception {
        CapturedIo io = new CapturedIo();
        run(io, "--sub", "alice", "--expired");
        assertEquals(Date.from(NOW.minus(TokenCommand.EXPIRED_AGO)), claims(io).getExpirationTime());
    }

    @Test
    void whenTtlIsSecondsThenAccepted() {
        assertEquals(Duration.ofSeconds(60), TokenCommand.ttl("60"));
        assertThrows(UsageException.class, () -> TokenCommand.ttl("-PT1M"));
        assertThrows(UsageException.class, () -> TokenCommand.ttl("PT25H"));
    }

    private void run(CapturedIo io, String... args) throws Exception {
        SampleJwtSettings settings = new SampleJwtSettings(dir, "https://issuer.test", List.of("aud-1", "aud-2"));
        TokenCommand.prepare(List.of(args), () -> settings, Clock.fixed(NOW, ZoneOffset.UTC), io.io()).run();
    }

    private static JWTClaimsSet claims(CapturedIo io) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(io.out().trim()).getJWTClaimsSet();
        assertEquals("https://issuer.test", claims.getIssuer());
        assertEquals("alice", claims.getSubject());
        return claims;
    }

    @Test
    void whenDpopKeyThenTokenBoundToItsThumbprintAndProofsVerify() throws Exception {
        Path keyFile = dir.resolve("client/dpop.jwk.json");
        CapturedIo io = new CapturedIo();
        run(io, "--sub", "alice", "--dpop-key", keyFile.toString());
        assertTrue(io.err().contains("Generated a DPoP key in " + keyFile), io.err());
        assertEquals(java.util.Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE),
                java.nio.file.Files.getPosixFilePermissions(keyFile));
        String token = io.out().trim();
        String jkt = dev.latchkey.sample.jwt.DPoPKey.ensure(keyFile).thumbprint();
        assertEquals(java.util.Map.of("jkt", jkt), claims(io).getJSONObjectClaim("cnf"));

        CapturedIo proofIo = new CapturedIo();
        DPoPProofCommand.prepare(List.of("--key", keyFile.toString(), "--url",
                "http://localhost:8080/api/orders?page=1", "--token", token), proofIo.io()).run();
        var settings = dev.latchkey.auth.dpop.DPoPSettings.from(new dev.latchkey.auth.config.ConfigReader(
                new io.smallrye.config.SmallRyeConfigBuilder()
                        .withDefaultValue("latchkey.dpop.origins", "http://localhost:8080").build()));
        var verifier = new dev.latchkey.auth.dpop.DPoPProofVerifier(settings,
                dev.latchkey.auth.dpop.DPoPNonces.of(settings, Clock.systemUTC()),
                new dev.latchkey.auth.state.MemoryReplayCache(
                        dev.latchkey.auth.state.ReplaySettings.uniform(10, 10), Clock.systemUTC()), Clock.systemUTC());
        assertEquals(jkt, verifier.verify(dev.latchkey.auth.dpop.ProofRequest.of("GET",
                "http://localhost:8080/api/orders", List.of(proofIo.out().trim())), token, jkt).jkt());
    }

    @Test
    void whenProofUrlIsRelativeThenUsageError() {
        assertThrows(UsageException.class, () -> DPoPProofCommand.prepare(List.of("--key", "k", "--url", "/api"),
                new CapturedIo().io()));
    }
}
