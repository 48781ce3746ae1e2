package dev.latchkey.auth.state.redis;

import dev.latchkey.auth.state.InvalidationBus;
import dev.latchkey.auth.state.LocalInvalidationBus;
import dev.latchkey.auth.state.StoreFailures;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.nio.charset.StandardCharsets;

/**
 * An {@link InvalidationBus} on Redis pub/sub: {@link #publish} is one {@code PUBLISH}; a subscribed connection hands
 * each message to the listeners of this JVM. Lettuce reconnects (at most a second apart, see
 * {@link RedisStateStore#client}) and subscribes again by itself when the connection is active again; each
 * (re)subscription Redis confirms makes every listener drop everything, since messages sent meanwhile were lost.
 */
public final class RedisPubSubBus implements InvalidationBus {

    static final String CHANNEL = "latchkey:invalidations";

    private final StatefulRedisConnection<String, byte[]> connection;
    private final StoreFailures failures;
    private final LocalInvalidationBus local = new LocalInvalidationBus();

    public RedisPubSubBus(StatefulRedisConnection<String, byte[]> connection,
                          StatefulRedisPubSubConnection<String, String> subscription, StoreFailures failures) {
        this.connection = connection;
        this.failures = failures;
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                int colon = message.indexOf(':');
                if (colon > 0) {
                    local.publish(message.substring(0, colon), message.substring(colon + 1));
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                local.invalidateAll();
            }
        });
        subscription.sync().subscribe(CHANNEL);
    }

    @Override
    public void publish(String topic, String id) {
        try {
            connection.sync().publish(CHANNEL, (topic + ':' + id).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            failures.report("publish " + topic, e);
        }
    }

    @Override
    public void subscribe(String topic, Listener listener) {
        local.subscribe(topic, listener);
    }
}
