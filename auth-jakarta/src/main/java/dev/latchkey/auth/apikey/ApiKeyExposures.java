package dev.latchkey.auth.apikey;

import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.util.function.Consumer;

/**
 * Reports a key sent in a URL: a log line by key id only (every value escaped, at most once per client network per
 * {@link ThrottledWarnings#INTERVAL}) and the {@link ApiKeyExposed} event (every time), so that it can be rotated.
 */
public final class ApiKeyExposures implements Consumer<ApiKeyExposed> {

    static final String WARNING = "api-key-in-url";
    private static final System.Logger LOG = System.getLogger(ApiKeyExposures.class.getName());

    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);
    private final Consumer<ApiKeyExposed> events;

    /** @param events where the event goes, e.g. a CDI {@code Event<ApiKeyExposed>}'s {@code fire} */
    public ApiKeyExposures(Consumer<ApiKeyExposed> events) {
        this.events = events;
    }

    @Override
    public void accept(ApiKeyExposed event) {
        ClientNetwork network = ClientNetwork.ofLiteral(event.remoteAddress());
        if (event.keyId() != null) {
            warnings.warn(WARNING, network, "API key sent in the URL (query parameter {0}) from {1} to {2}: "
                    + "key_id={3}; treat it as leaked and rotate it", event.parameter(), event.remoteAddress(),
                    event.path(), event.keyId());
        } else {
            warnings.warn(WARNING, network, "Value in API key query parameter {0} from {1} to {2} refused "
                    + "(not a well-formed key)", event.parameter(), event.remoteAddress(), event.path());
        }
        events.accept(event);
    }
}
