package dev.latchkey.bench;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5: a cached (hot) API key through the validation path, {@link ApiKeyFixture}.
 * <ul>
 *   <li>{@code cachedKey}: {@code ApiKeyIdentityStore.validate} of the credential the API-key kind builds
 *   (format parse and checksum included): environment, HMAC-SHA-256 with the pepper, cache hit, constant-time
 *   compare, status, caller mapping. Target: {@code <= 3 us/op}.</li>
 *   <li>{@code hotKeyStoreQueries}: the same, counting the queries that reach the store behind the cache; reported
 *   as the secondary results {@code storeQueries} and {@code ops} (the validations) per measured iteration (the key was
 *   cached at setup). Target: 0 store queries. {@code HotKeyStoreQueriesTest} asserts it over 100 000 validations
 *   in the normal build.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApiKeyBenchmark {

    private ApiKeyFixture fixture;

    /**
     * Secondary result: the store queries of each iteration (JMH sums them over the iterations); the validations are
     * {@link ThreadCpu}'s {@code ops}.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counts {
        public long storeQueries;

        @Setup(Level.Iteration)
        public void reset() {
            storeQueries = 0;
        }
    }

    @Setup
    public void setUp() {
        fixture = ApiKeyFixture.create(Clock.systemUTC());
        if (fixture.identityStore.validate(fixture.credential()).getStatus()
                != CredentialValidationResult.Status.VALID) {
            throw new IllegalStateException("benchmark key not valid");
        }
    }

    @Benchmark
    public CredentialValidationResult cachedKey(ThreadCpu cpu) {
        cpu.op();
        return fixture.identityStore.validate(fixture.credential());
    }

    @Benchmark
    public CredentialValidationResult hotKeyStoreQueries(Counts counts, ThreadCpu cpu) {
        cpu.op();
        long before = fixture.backend.queries();
        CredentialValidationResult result = fixture.identityStore.validate(fixture.credential());
        counts.storeQueries += fixture.backend.queries() - before;
        return result;
    }
}
