package dev.latchkey.auth.spi;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;

import java.util.Map;
import java.util.Objects;

/** What the shared step ({@code CredentialLogin}) concluded about one request and one credential kind. */
public sealed interface AuthOutcome {

    /** The request does not carry this kind's credential: the next kind is asked. */
    record NoCredential() implements AuthOutcome {
    }

    /**
     * The credential is valid.
     *
     * @param responseHeaders headers to add to the response, e.g. {@code RateLimit-Remaining}
     */
    record Authenticated(LatchkeyCaller caller, Map<String, String> responseHeaders) implements AuthOutcome {
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
            responseHeaders = Map.copyOf(responseHeaders);
        }
    }

    /** The credential was found and rejected (or could not be checked: 503). Final: no other kind runs. */
    record Rejected(AuthError error) implements AuthOutcome {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    AuthOutcome NO_CREDENTIAL = new NoCredential();

    static AuthOutcome authenticated(LatchkeyCaller caller) {
        return new Authenticated(caller, Map.of());
    }

    static AuthOutcome authenticated(LatchkeyCaller caller, Map<String, String> responseHeaders) {
        return new Authenticated(caller, responseHeaders);
    }

    static AuthOutcome rejected(AuthError error) {
        return new Rejected(error);
    }
}
