package dev.latchkey.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.text.ParseException;
import java.util.concurrent.TimeUnit;

/**
 * Issue 4: the cost of Latchkey's JWT validation over the bare signature check.
 * <ul>
 *   <li>{@code *Full}: {@link JwtIdentityStore#validate} with the verified-token cache disabled
 *   ({@code latchkey.jwt.cache.max-size=0}): size and shape checks, parse, algorithm allow-list, key selection,
 *   signature, claims (iss, aud, exp, nbf, iat), jti denylist, caller mapping, the validation result;</li>
 *   <li>{@code *NimbusVerify}: only Nimbus's {@code RSASSAVerifier}/{@code ECDSAVerifier.verify} of the same token's
 *   signing input (parsed once at setup, verifier built once);</li>
 *   <li>{@code rs256NimbusParseThenVerify}: {@code SignedJWT.parse} of the token string, then the signature check;</li>
 *   <li>{@code rs256NimbusParseAndVerify}: the least any verifier does: {@code SignedJWT.parse}, the payload's claims
 *   set, then the same signature check;</li>
 *   <li>{@code rs256Cached}: the same token again through the store with the default cache (a hit: SHA-256 of the
 *   token, cache lookup, denylist, caller from the cached mapping).</li>
 * </ul>
 * Each also reports the benchmark thread's CPU time ({@link ThreadCpu}).
 * Target: {@code rs256Full / rs256NimbusVerify <= 1.2} (and the same for ES256); {@code rs256Cached <= 5 us/op}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark {

    private JwtIdentityStore uncached;
    private JwtIdentityStore cached;
    private String rs256;
    private String es256;

    private RSASSAVerifier rsaVerifier;
    private ECDSAVerifier ecVerifier;
    private Parts rsParts;
    private Parts esParts;

    private record Parts(JWSHeader header, byte[] signingInput, Base64URL signature) {
        static Parts of(String token) throws ParseException {
            SignedJWT jwt = SignedJWT.parse(token);
            return new Parts(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature());
        }
    }

    @Setup
    public void setUp() throws JOSEException, ParseException {
        JwtFixture fixture = JwtFixture.generate();
        uncached = fixture.identityStore(0);
        cached = fixture.identityStore(10_000);
        rs256 = fixture.rs256Token();
        es256 = fixture.es256Token();
        rsaVerifier = new RSASSAVerifier(fixture.rsa.toRSAPublicKey());
        ecVerifier = new ECDSAVerifier(fixture.ec.toECPublicKey());
        rsParts = Parts.of(rs256);
        esParts = Parts.of(es256);
        // Fail at setup, not with a misleading figure, if a token would be refused.
        for (JwtIdentityStore store : new JwtIdentityStore[]{uncached, cached}) {
            for (String token : new String[]{rs256, es256}) {
                if (store.validate(new JwtCredential(token, null)).getStatus() != CredentialValidationResult.Status.VALID) {
                    throw new IllegalStateException("benchmark token not valid");
                }
            }
        }
        if (!rsaVerifier.verify(rsParts.header(), rsParts.signingInput(), rsParts.signature())
                || !ecVerifier.verify(esParts.header(), esParts.signingInput(), esParts.signature())) {
            throw new IllegalStateException("benchmark signature not valid");
        }
    }

    @Benchmark
    public CredentialValidationResult rs256Full(ThreadCpu cpu) {
        cpu.op();
        return uncached.validate(new JwtCredential(rs256, null));
    }

    @Benchmark
    public boolean rs256NimbusVerify(ThreadCpu cpu) throws JOSEException {
        cpu.op();
        return rsaVerifier.verify(rsParts.header(), rsParts.signingInput(), rsParts.signature());
    }

    /** The raw verification of the token string: parse the compact form (header JSON), then the signature. */
    @Benchmark
    public boolean rs256NimbusParseThenVerify(ThreadCpu cpu) throws JOSEException, ParseException {
        cpu.op();
        return SignedJWT.parse(rs256).verify(rsaVerifier);
    }

    /** What any verifier must do at least: parse the compact token (header, payload JSON), then the signature. */
    @Benchmark
    public boolean rs256NimbusParseAndVerify(ThreadCpu cpu) throws JOSEException, ParseException {
        cpu.op();
        SignedJWT jwt = SignedJWT.parse(rs256);
        return jwt.verify(rsaVerifier) && jwt.getJWTClaimsSet() != null;
    }

    @Benchmark
    public CredentialValidationResult es256Full(ThreadCpu cpu) {
        cpu.op();
        return uncached.validate(new JwtCredential(es256, null));
    }

    @Benchmark
    public boolean es256NimbusVerify(ThreadCpu cpu) throws JOSEException {
        cpu.op();
        return ecVerifier.verify(esParts.header(), esParts.signingInput(), esParts.signature());
    }

    @Benchmark
    public CredentialValidationResult rs256Cached(ThreadCpu cpu) {
        cpu.op();
        return cached.validate(new JwtCredential(rs256, null));
    }
}
