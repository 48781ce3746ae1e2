package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.spi.Admission;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.auth.spi.CredentialRequest;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Optional;

/**
 * The step every credential kind shares, in the spirit of Jetty's {@code LoginAuthenticator.login()}: resolve &rarr;
 * admit &rarr; validate through the {@link IdentityStoreHandler} &rarr; one status mapping &rarr; caller. The 401/503
 * rules live here once, for every kind:
 * <ul>
 *   <li>{@code VALID} (with a caller principal): the kind's caller, then its {@linkplain CredentialKind#accepted
 *   response headers} and the {@linkplain CredentialKind#admittedRequest request the application gets};</li>
 *   <li>{@code INVALID}: the kind's 401 ({@link CredentialKind#invalid});</li>
 *   <li>{@code NOT_VALIDATED}: 503 {@value #NO_IDENTITY_STORE}: no store judges this credential, which is a
 *   deployment fault, not the caller's (Jakarta Security 3.0, chapter 3: the handler answers NOT_VALIDATED when no
 *   store validated it);</li>
 *   <li>an {@link AuthenticationFailure} from the resolver, the kind or a store: its error. A store's 4xx failure is a
 *   refusal like {@code INVALID} ({@link Admission#refused}: it counts for Basic's lockout); only its 5xx or any other
 *   exception is no verdict ({@link Admission#unjudged}).</li>
 * </ul>
 * Exceptions are the one way refusals travel from a kind; this class turns them into the outcome, once.
 */
public final class CredentialLogin {

    /** Audit reason of the 503 when no identity store validates a credential. */
    public static final String NO_IDENTITY_STORE = "no_identity_store";

    private final IdentityStoreHandler stores;

    public CredentialLogin(IdentityStoreHandler stores) {
        this.stores = stores;
    }

    /** Runs {@code kind} on the request; {@link AuthOutcome.NoCredential} when it carries none of that kind. */
    public <C extends Credential> AuthOutcome login(CredentialKind<C> kind, CredentialRequest request) {
        try {
            Optional<C> credential = kind.resolver().resolve(request);
            return credential.isEmpty() ? AuthOutcome.NO_CREDENTIAL : validate(kind, credential.get(), request);
        } catch (AuthenticationFailure refused) {
            return AuthOutcome.rejected(refused.error());
        }
    }

    private <C extends Credential> AuthOutcome validate(CredentialKind<C> kind, C credential,
                                                        CredentialRequest request) {
        try {
            Admission admission = kind.admit(credential, request);
            CredentialValidationResult result;
            try {
                result = stores.validate(credential);
            } catch (AuthenticationFailure failure) {
                // A store's 4xx is its verdict on the credential (e.g. a wrong password): a refusal, counted
                if (failure.error().status() < 500) {
                    admission.refused();
                } else {
                    admission.unjudged();
                }
                throw failure;
            } catch (RuntimeException e) {
                admission.unjudged();
                throw e;
            }
            if (result.getStatus() == CredentialValidationResult.Status.VALID && result.getCallerPrincipal() != null) {
                admission.accepted();
                LatchkeyCaller caller = kind.caller(credential, result);
                Map<String, String> headers = kind.accepted(credential, caller);
                HttpServletRequest admitted = kind.admittedRequest(credential, request.servlet());
                return AuthOutcome.authenticated(caller, headers, admitted == request.servlet() ? null : admitted);
            }
            if (result.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED) {
                admission.unjudged();
                return AuthOutcome.rejected(AuthError.unavailable("no identity store validates this credential",
                        NO_IDENTITY_STORE).withCredentialId(kind.credentialId(credential).orElse(null)));
            }
            admission.refused();
            return AuthOutcome.rejected(kind.invalid(credential));
        } finally {
            credential.clear();
        }
    }
}
