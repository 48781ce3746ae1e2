package dev.latchkey.auth.apikey.format;

import java.security.SecureRandom;

/** Generates new keys in the {@link ApiKeyFormat} from a {@link SecureRandom}. */
public final class ApiKeyGenerator {

    private final ApiKeyFormat format;
    private final SecureRandom random;

    public ApiKeyGenerator(ApiKeyFormat format) {
        this.format = format;
        this.random = new SecureRandom();
    }

    /** A new key for {@code environment}; the returned value is the only time the secret exists in plaintext. */
    public ParsedApiKey generate(String environment) {
        String prefix = format.prefixFor(environment);
        String keyId = Base62.random(random, ApiKeyFormat.KEY_ID_LENGTH);
        String secret = Base62.random(random, ApiKeyFormat.SECRET_LENGTH);
        return new ParsedApiKey(format.format(prefix, keyId, secret), prefix, environment, keyId);
    }

    public ApiKeyFormat format() {
        return format;
    }
}
