package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Objects;

/**
 * What the shared step ({@link CredentialLogin}) or the chain concluded about one request. Kinds never return one:
 * they throw {@link dev.latchkey.auth.error.AuthenticationFailure}, which the shared step turns into
 * {@link Rejected}, once.
 */
public sealed interface AuthOutcome {

    /** The request does not carry this kind's credential: the next kind is asked. */
    record NoCredential() implements AuthOutcome {
    }

    /**
     * The credential is valid.
     *
     * @param responseHeaders headers to add to the response, e.g. {@code RateLimit-Remaining}
     * @param request         the request the application must be given instead of the received one
     *                        ({@link CredentialKind#admittedRequest}), or null for the received one
     */
    record Authenticated(LatchkeyCaller caller, Map<String, String> responseHeaders, HttpServletRequest request)
            implements AuthOutcome {
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
        return new Authenticated(caller, Map.of(), null);
    }

    static AuthOutcome authenticated(LatchkeyCaller caller, Map<String, String> responseHeaders) {
        return new Authenticated(caller, responseHeaders, null);
    }

    /** @param request the request the application must be given, or null for the received one */
    static AuthOutcome authenticated(LatchkeyCaller caller, Map<String, String> responseHeaders,
                                     HttpServletRequest request) {
        return new Authenticated(caller, responseHeaders, request);
    }

    static AuthOutcome rejected(AuthError error) {
        return new Rejected(error);
    }
}
