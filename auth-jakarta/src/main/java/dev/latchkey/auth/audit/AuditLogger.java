package dev.latchkey.auth.audit;

import dev.latchkey.auth.request.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.System.Logger.Level;

/**
 * The default audit trail: one log line per failed authentication with mechanism, reason code, status, remote address
 * and the credential's non-secret id. Successes are logged at DEBUG. Credential values never reach this class; every
 * request-derived value (path, address, caller name, credential id) is escaped and bounded ({@link LogSafe}). Audit
 * lines are records, not warnings: they are never throttled.
 */
@ApplicationScoped
public class AuditLogger {

    private static final System.Logger LOG = System.getLogger("dev.latchkey.audit");

    void onEvent(@Observes AuthenticationEvent event) {
        switch (event.outcome()) {
            case FAILURE -> LOG.log(event.status() >= 500 ? Level.WARNING : Level.INFO,
                    "authentication failed: mechanism={0} reason={1} status={2} remote={3} credential_id={4} path={5}",
                    event.mechanism(), event.reason(), event.status(), safe(event.remoteAddress()),
                    credentialId(event), safe(event.path()));
            case SUCCESS -> LOG.log(Level.DEBUG, "authenticated: mechanism={0} caller={1} credential_id={2}",
                    event.mechanism(), safe(event.caller()), credentialId(event));
            case CHALLENGE -> LOG.log(Level.DEBUG, "challenged: remote={0} path={1}", safe(event.remoteAddress()),
                    safe(event.path()));
        }
    }

    /** Whether successes are logged now (DEBUG): the mechanism fires no success event that nobody would see. */
    public static boolean logsSuccesses() {
        return LOG.isLoggable(Level.DEBUG);
    }

    private static String credentialId(AuthenticationEvent event) {
        return event.credentialId() == null ? "-" : safe(event.credentialId());
    }

    /** Paths, addresses, caller names and credential ids come from the request: escaped and bounded. */
    private static String safe(Object value) {
        return LogSafe.value(value);
    }
}
