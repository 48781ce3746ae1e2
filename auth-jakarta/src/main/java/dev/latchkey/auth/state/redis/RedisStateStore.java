package dev.latchkey.auth.state.redis;

import dev.latchkey.auth.clock.ClockTimeMeter;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.BucketStore;
import dev.latchkey.auth.state.ProxyBucketStore;
import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.SharedStateBase;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code latchkey.state.store=redis}: shared state in Redis through Lettuce. Token buckets are Bucket4j's Lettuce
 * backend (compare-and-swap); values are {@link RedisSharedValues}; invalidations are {@link RedisPubSubBus}. Lettuce
 * reconnects by itself; while it is disconnected commands are rejected at once (a 503, not a request queued behind a
 * dead connection), and every command is bounded by {@code latchkey.state.timeout}.
 */
public final class RedisStateStore extends SharedStateBase<RedisPubSubBus> {

    private static final String PREFIX = "latchkey:";
    /** Longest pause between two reconnection attempts. */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final Clock clock;
    private final ProxyManager<String> buckets;

    private RedisStateStore(RedisClient client, StatefulRedisConnection<String, byte[]> connection,
                            StatefulRedisPubSubConnection<String, String> subscription, Duration timeout, Clock clock) {
        super(StateSettings.REDIS, failures -> new RedisPubSubBus(connection, subscription, failures));
        this.client = client;
        this.clock = clock;
        this.connection = connection;
        this.subscription = subscription;
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(new ClockTimeMeter(clock))
                .requestTimeout(timeout)
                .build();
    }

    /** A store over {@code client} (made by {@link #client}): one connection for commands, one for pub/sub. */
    public static RedisStateStore connect(RedisClient client, Duration timeout, Clock clock) {
        return new RedisStateStore(client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)),
                client.connectPubSub(), timeout, clock);
    }

    /**
     * Connects to {@code latchkey.state.redis.url}.
     *
     * @throws ConfigurationException naming the property when the URL is malformed or Redis cannot be reached
     */
    public static RedisStateStore open(StateSettings settings, Clock clock) {
        String property = StateSettings.PREFIX + "redis.url";
        RedisURI uri;
        try {
            uri = RedisURI.create(settings.redisUrl().orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(property, "not a Redis URL: " + e.getMessage(), e);
        }
        uri.setTimeout(settings.timeout());
        RedisClient client = client(uri, settings.timeout());
        try {
            return connect(client, settings.timeout(), clock);
        } catch (RuntimeException e) {
            shutdown(client);
            throw new ConfigurationException(property, "cannot connect to Redis: " + e, e);
        }
    }

    /**
     * A client that reconnects by itself, retrying at most {@link #MAX_RECONNECT_DELAY} apart (Lettuce's default
     * back-off grows to 30 s, which would keep the invalidation bus deaf that long after Redis is back), and rejects
     * commands at once while disconnected (a 503, not a request queued behind a dead connection). Its own client
     * resources (event loops, timers) are released by {@link #close()}.
     */
    public static RedisClient client(RedisURI uri, Duration timeout) {
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout)).build());
        return client;
    }

    @Override
    public BucketStore buckets(String namespace, long maxKeys) {
        return new ProxyBucketStore(buckets, PREFIX + "b:" + namespace, failures);
    }

    @Override
    public SharedValues values(String namespace, long maxKeys) {
        return new RedisSharedValues(connection.sync(), PREFIX + "v:" + namespace + ':', clock, failures);
    }

    @Override
    public void close() {
        try {
            subscription.close();
            connection.close();
        } finally {
            shutdown(client);
        }
    }

    private static void shutdown(RedisClient client) {
        client.shutdown(0, 2, TimeUnit.SECONDS);
        client.getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }
}
