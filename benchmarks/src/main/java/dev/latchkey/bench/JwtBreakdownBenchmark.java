package dev.latchkey.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where the time of {@link JwtBenchmark#full} goes, one step at a time (cache disabled), for each algorithm
 * ({@code alg}: an RS256 and an ES256 token):
 * <ul>
 *   <li>{@code parse}: {@code SignedJWT.parse} plus the claims JSON;</li>
 *   <li>{@code jwkToJdkKey}: converting the RSA / EC JWK to a JDK key, which Nimbus's
 *   {@code JWSVerificationKeySelector} does for every token;</li>
 *   <li>{@code nimbusProcessor}: stock Nimbus {@code DefaultJWTProcessor} (parse, key selection, signature, default
 *   claims checks): the reference for "a plain Nimbus validation";</li>
 *   <li>{@code latchkeyVerifier}: {@code JwtVerifier.verify} alone (no caller mapping);</li>
 *   <li>{@code callerMapping}: {@code JwtCallerMapper.map} of a freshly verified token.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBreakdownBenchmark {

    @Param({"RS256", "ES256"})
    public String alg;

    private String token;
    private AsymmetricJWK key;
    private DefaultJWTProcessor<SecurityContext> nimbus;
    private JwtVerifier verifier;
    private JwtCallerMapper mapper;
    private JWTClaimsSet claims;

    @Setup
    public void setUp() throws Exception {
        JwtFixture fixture = JwtFixture.generate();
        boolean rsa = "RS256".equals(alg);
        token = rsa ? fixture.rs256Token() : fixture.es256Token();
        key = rsa ? fixture.rsa : fixture.ec;
        nimbus = new DefaultJWTProcessor<>();
        nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(new JWKSet(List.of(fixture.rsa.toPublicJWK(), fixture.ec.toPublicJWK())))));
        nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(JwtFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(JwtFixture.ISSUER).build(), Set.of("exp")));
        JwtSettings settings = fixture.settings(0);
        verifier = JwtVerifier.of(settings, InMemoryJtiDenylist.of(Clock.systemUTC()), Clock.systemUTC());
        mapper = JwtCallerMapper.of(settings);
        claims = verifier.verify(token, null).claims();
        nimbus.process(token, null);
    }

    @Benchmark
    public JWTClaimsSet parse(ThreadCpu cpu) throws ParseException {
        cpu.op();
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Benchmark
    public PublicKey jwkToJdkKey(ThreadCpu cpu) throws JOSEException {
        cpu.op();
        return key.toPublicKey();
    }

    @Benchmark
    public JWTClaimsSet nimbusProcessor(ThreadCpu cpu) throws ParseException, BadJOSEException, JOSEException {
        cpu.op();
        return nimbus.process(token, null);
    }

    @Benchmark
    public VerifiedJwt latchkeyVerifier(ThreadCpu cpu) {
        cpu.op();
        return verifier.verify(token, null);
    }

    @Benchmark
    public LatchkeyCaller callerMapping(ThreadCpu cpu) {
        cpu.op();
        return mapper.map(new VerifiedJwt(token, claims, "default", Instant.MAX));
    }
}
