package dev.latchkey.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.auth.jwt.JwtCredential;
import dev.latchkey.auth.jwt.JwtIdentityStore;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.text.ParseException;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4: the cost of Latchkey's JWT validation over the bare signature check, for each algorithm ({@code alg}:
 * an RS256 and an ES256 token).
 * <ul>
 *   <li>{@code full}: {@link JwtIdentityStore#validate} with the verified-token cache disabled
 *   ({@code latchkey.jwt.cache.max-size=0}): size and shape checks, parse, algorithm allow-list, key selection,
 *   signature, claims (iss, aud, exp, nbf, iat), jti denylist, caller mapping, the validation result;</li>
 *   <li>{@code nimbusVerify}: only Nimbus's {@code RSASSAVerifier}/{@code ECDSAVerifier.verify} of the same token's
 *   signing input (parsed once at setup, verifier built once);</li>
 *   <li>{@code nimbusParseThenVerify}: {@code SignedJWT.parse} of the token string, then the signature check;</li>
 *   <li>{@code nimbusParseAndVerify}: the least any verifier does: {@code SignedJWT.parse}, the payload's claims
 *   set, then the same signature check;</li>
 *   <li>{@code cached}: the same token again through the store with the default cache (a hit: SHA-256 of the
 *   token, cache lookup, denylist, caller from the cached mapping).</li>
 * </ul>
 * Each also reports the benchmark thread's CPU time ({@link ThreadCpu}).
 * Target: {@code full / nimbusVerify <= 1.2} for each algorithm; {@code cached <= 5 us/op}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark {

    @Param({"RS256", "ES256"})
    public String alg;

    private JwtIdentityStore uncached;
    private JwtIdentityStore cached;
    private String token;
    private JWSVerifier verifier;
    private JWSHeader header;
    private byte[] signingInput;
    private Base64URL signature;

    @Setup
    public void setUp() throws JOSEException, ParseException {
        JwtFixture fixture = JwtFixture.generate();
        uncached = fixture.identityStore(0);
        cached = fixture.identityStore(10_000);
        boolean rsa = "RS256".equals(alg);
        token = rsa ? fixture.rs256Token() : fixture.es256Token();
        verifier = rsa ? new RSASSAVerifier(fixture.rsa.toRSAPublicKey())
                : new ECDSAVerifier(fixture.ec.toECPublicKey());
        SignedJWT parsed = SignedJWT.parse(token);
        header = parsed.getHeader();
        signingInput = parsed.getSigningInput();
        signature = parsed.getSignature();
        // Fail at setup, not with a misleading figure, if the token would be refused.
        for (JwtIdentityStore store : new JwtIdentityStore[]{uncached, cached}) {
            if (store.validate(new JwtCredential(token, null)).getStatus() != CredentialValidationResult.Status.VALID) {
                throw new IllegalStateException("benchmark token not valid");
            }
        }
        if (!verifier.verify(header, signingInput, signature)) {
            throw new IllegalStateException("benchmark signature not valid");
        }
    }

    @Benchmark
    public CredentialValidationResult full(ThreadCpu cpu) {
        cpu.op();
        return uncached.validate(new JwtCredential(token, null));
    }

    @Benchmark
    public boolean nimbusVerify(ThreadCpu cpu) throws JOSEException {
        cpu.op();
        return verifier.verify(header, signingInput, signature);
    }

    /** The raw verification of the token string: parse the compact form (header JSON), then the signature. */
    @Benchmark
    public boolean nimbusParseThenVerify(ThreadCpu cpu) throws JOSEException, ParseException {
        cpu.op();
        return SignedJWT.parse(token).verify(verifier);
    }

    /** What any verifier must do at least: parse the compact token (header, payload JSON), then the signature. */
    @Benchmark
    public boolean nimbusParseAndVerify(ThreadCpu cpu) throws JOSEException, ParseException {
        cpu.op();
        SignedJWT jwt = SignedJWT.parse(token);
        return jwt.verify(verifier) && jwt.getJWTClaimsSet() != null;
    }

    @Benchmark
    public CredentialValidationResult cached(ThreadCpu cpu) {
        cpu.op();
        return cached.validate(new JwtCredential(token, null));
    }
}
