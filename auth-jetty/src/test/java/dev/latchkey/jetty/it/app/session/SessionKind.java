package dev.latchkey.jetty.it.app.session;

import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;

import java.util.List;
import java.util.Optional;

/** TEST FIXTURE: the README's "Adding a credential kind" example, as written there. */
public final class SessionKind extends AbstractCredentialKind<SessionToken> {
    public SessionKind() {
        super("session", List.of(AuthScheme.BEARER), new CredentialResolver<>() {
            public Optional<String> source(CredentialRequest r) {
                return Optional.ofNullable(r.servlet().getHeader("X-Session")).map(v -> "header:X-Session");
            }
            public Optional<SessionToken> resolve(CredentialRequest r) {
                return Optional.ofNullable(r.servlet().getHeader("X-Session")).map(SessionToken::new);
            }
        });
    }
}
