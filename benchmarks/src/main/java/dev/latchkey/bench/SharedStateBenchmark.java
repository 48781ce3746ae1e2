package dev.latchkey.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.apikey.ApiKeyRateLimiter;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.jdbc.JdbcPool;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.limit.FailedAttemptSettings;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.state.jdbc.JdbcStateStore;
import dev.latchkey.auth.state.redis.RedisStateStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.embedded.RedisServer;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16: what {@code latchkey.state.store} costs a request. One operation is what a hot API-key request asks of
 * the state (its key lookup is cached: no store query): the failed-attempt check of its client network (a network
 * without failures, as nearly all are), then one request against the key's rate limit. {@code memory}, {@code jdbc}
 * (an embedded PostgreSQL started here) and {@code redis} (the redis-server of embedded-redis, started here) are
 * compared; secondary results per iteration:
 * {@code roundTrips} (statements and commits sent to PostgreSQL, commands sent to Redis, counted by a wrapper) and
 * {@code processCpuNanos} (the whole JVM's CPU: the instance's cost, the engine runs in its own process), with
 * {@code ops}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SharedStateBenchmark {

    static final AtomicLong ROUND_TRIPS = new AtomicLong();

    @Param({"memory", "jdbc", "redis"})
    public String store;

    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private HikariDataSource pool;
    private StateStore state;
    private FailedAttemptLimiter failedAttempts;
    private ApiKeyRateLimiter rateLimiter;
    private final ClientNetwork network = ClientNetwork.ofLiteral("198.51.100.7");

    /** Per iteration: round-trips, process CPU and operations (JMH sums them over iterations). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cost {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        public long roundTrips;
        public long processCpuNanos;
        public long ops;
        private long trips;
        private long cpu;

        @Setup(Level.Iteration)
        public void start() {
            ops = 0;
            trips = ROUND_TRIPS.get();
            cpu = OS.getProcessCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            roundTrips = ROUND_TRIPS.get() - trips;
            processCpuNanos = OS.getProcessCpuTime() - cpu;
        }
    }

    @Setup
    public void open() throws Exception {
        Clock clock = Clock.systemUTC();
        Duration timeout = Duration.ofSeconds(2);
        state = switch (store) {
            case "jdbc" -> {
                postgres = EmbeddedPostgres.builder().start();
                pool = JdbcPool.open("bench", postgres.getJdbcUrl("postgres", "postgres"), null, null, timeout, 4);
                JdbcStateStore.createSchema(pool);
                yield new JdbcStateStore(counting(pool), pool, timeout, clock);
            }
            case "redis" -> {
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
                redis.start();
                RedisClient client = RedisStateStore.client(RedisURI.create("redis://127.0.0.1:" + port), timeout);
                client.addListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        ROUND_TRIPS.incrementAndGet();
                    }
                });
                yield RedisStateStore.connect(client, timeout, clock);
            }
            default -> new MemoryStateStore(clock);
        };
        failedAttempts = new FailedAttemptLimiter(FailedAttemptSettings.DEFAULTS, TrustedProxies.NONE, state, clock);
        rateLimiter = new ApiKeyRateLimiter(Optional.of(new RateLimit(1_000_000_000L, Duration.ofMinutes(1))),
                state.buckets("api-key", 100_000));
    }

    @TearDown
    public void close() throws Exception {
        state.close();
        if (postgres != null) {
            postgres.close();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    /** The state operations of one hot API-key request: failed-attempt check, then the key's rate limit. */
    @Benchmark
    public Object hotKeyRequest(Cost cost) {
        cost.ops++;
        if (failedAttempts.refusal(network).isPresent()) {
            throw new IllegalStateException("refused");
        }
        return rateLimiter.tryConsume("key-1", Optional.empty()).orElseThrow();
    }

    /** Counts what a connection sends: each statement prepared or created (executed once) and each commit. */
    static DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    return result instanceof Connection c && method.getName().equals("getConnection")
                            ? countingConnection(c) : result;
                });
    }

    private static Connection countingConnection(Connection real) {
        Set<String> sent = Set.of("prepareStatement", "createStatement", "commit", "rollback");
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (sent.contains(method.getName())) {
                        ROUND_TRIPS.incrementAndGet();
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
