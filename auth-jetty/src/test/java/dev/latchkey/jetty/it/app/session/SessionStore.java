package dev.latchkey.jetty.it.app.session;

import dev.latchkey.auth.spi.CredentialIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Set;

/**
 * TEST FIXTURE: the application's identity store for the example kind. {@value #VALID} is carol's session; any other
 * value is refused without a reason, except {@value #UNJUDGED}, which this store leaves to others (none validates it).
 */
@ApplicationScoped
public class SessionStore extends CredentialIdentityStore<SessionToken> {

    public static final String VALID = "s3ssion-carol";
    public static final String UNJUDGED = "not-mine";

    public SessionStore() {
        super(SessionToken.class);
    }

    @Override
    protected CredentialValidationResult check(SessionToken token) {
        if (token.value().equals(UNJUDGED)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return token.value().equals(VALID) ? new CredentialValidationResult(new CallerPrincipal("carol"),
                Set.of("staff")) : CredentialValidationResult.INVALID_RESULT;
    }
}
