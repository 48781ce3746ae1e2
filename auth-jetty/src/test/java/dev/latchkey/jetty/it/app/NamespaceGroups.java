package dev.latchkey.jetty.it.app;

import dev.latchkey.auth.caller.CallerKey;
import dev.latchkey.auth.caller.LatchkeyGroupStore;
import dev.latchkey.jetty.it.fixtures.TestServer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.Set;

/**
 * A declared group store: {@code admin-a} for the JWT caller {@code namespace-alice} of {@link TestServer#ISSUER} only.
 */
@ApplicationScoped
public class NamespaceGroups extends LatchkeyGroupStore {

    public static final String NAME = "namespace-alice";

    public NamespaceGroups() {
        super(Set.of("jwt"));
    }

    @Override
    protected Set<String> groups(CallerKey caller) {
        return caller.equals(new CallerKey("jwt", Optional.of(TestServer.ISSUER), NAME)) ? Set.of("admin-a") : Set.of();
    }
}
