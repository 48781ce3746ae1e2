package dev.latchkey.jetty.it.app;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.CredentialIdentityStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.Set;

/**
 * TEST FIXTURE: an application's own Basic store (an LDAP or database directory) that refuses in the style the SPI
 * recommends, by throwing a 401 {@link AuthenticationFailure}. It judges only {@value #USER} (password
 * {@value #PASSWORD}) and leaves every other name to the other stores; {@value #BROKEN} stands for an unreachable
 * directory (503).
 */
@ApplicationScoped
public class DirectoryStore extends CredentialIdentityStore<UsernamePasswordCredential> {

    public static final String USER = "directory-dave";
    public static final String BROKEN = "directory-down";
    public static final String PASSWORD = "directory secret";

    public DirectoryStore() {
        super(UsernamePasswordCredential.class);
    }

    @Override
    protected CredentialValidationResult check(UsernamePasswordCredential credential) {
        if (credential.getCaller().equals(BROKEN)) {
            throw new AuthenticationFailure(AuthError.unavailable("the directory is unreachable", "directory_down"));
        }
        if (!credential.getCaller().equals(USER)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (!credential.compareTo(USER, PASSWORD)) {
            throw new AuthenticationFailure(AuthError.invalidToken(AuthScheme.BASIC, "invalid credentials",
                    "directory_refused"));
        }
        return new CredentialValidationResult(new CallerPrincipal(USER), Set.of());
    }
}
