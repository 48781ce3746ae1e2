package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.state.InvalidationBus;

/**
 * Tells every instance about a change to a key: after each write that can change what a lookup decides (revoke,
 * rotate, change, insert: a key presented before it existed is in negative caches) the record's hash is published on
 * the {@link InvalidationBus} under {@link #TOPIC}, and each instance's {@link CachingApiKeyStore} drops that key at
 * once instead of serving it until its cache TTL. Used by the servers (under their cache) and by tools that write to
 * the key store directly (the sample CLI), so that a key revoked from anywhere is refused everywhere within a second.
 * Never the key itself on the bus: its hash, which is also the cache key.
 */
public final class PublishingApiKeyStore extends ForwardingApiKeyStore {

    /** The bus topic of API-key changes; the message is the record's hash. */
    public static final String TOPIC = "api-key";

    private final InvalidationBus bus;

    public PublishingApiKeyStore(ApiKeyStore delegate, InvalidationBus bus) {
        super(delegate);
        this.bus = bus;
    }

    @Override
    protected void written(ApiKeyRecord record) {
        bus.publish(TOPIC, record.hash());
    }
}
