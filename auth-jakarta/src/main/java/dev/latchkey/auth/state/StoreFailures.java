package dev.latchkey.auth.state;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * How a shared store's failure reaches requests: as a 503 ({@link AuthError#unavailable}, never a decision for or
 * against the caller), and in the log once per {@link ThrottledWarnings#INTERVAL}, not once per request; when the store
 * answers again, one line says so.
 */
public final class StoreFailures {

    /** Reason of the 503 in the audit event. */
    public static final String REASON = "state_store_unavailable";
    private static final System.Logger LOG = System.getLogger(StoreFailures.class.getName());

    private final String store;
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);
    private final AtomicBoolean failing = new AtomicBoolean();

    /** @param store the store's kind, named in the log ({@code jdbc}, {@code redis}) */
    public StoreFailures(String store) {
        this.store = store;
    }

    /**
     * Runs one store operation that decides access.
     *
     * @throws AuthenticationFailure 503 when the store fails
     */
    public <T> T call(String operation, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (AuthenticationFailure failure) {
            throw failure;
        } catch (RuntimeException e) {
            throw unavailable(operation, e);
        }
        if (failing.get() && failing.compareAndSet(true, false)) {
            LOG.log(Level.INFO, "shared state store ({0}) answers again", store);
        }
        return result;
    }

    /** As {@link #call}, for an operation without a result. */
    public void run(String operation, Runnable action) {
        call(operation, () -> {
            action.run();
            return null;
        });
    }

    /** The 503 for a failed operation, reported (at most once per interval). */
    public AuthenticationFailure unavailable(String operation, Throwable cause) {
        report(operation, cause);
        return new AuthenticationFailure(AuthError.unavailable("a store this server depends on is unavailable; "
                + "retry later", REASON), cause);
    }

    /** Reports a failure that refuses nothing (a cleanup, a message that could not be sent). */
    public void report(String operation, Throwable cause) {
        failing.set(true);
        warnings.warn("state-store", store, cause, "shared state store ({0}) failed on {1}: {2}; requests that need"
                + " it are answered 503 until it is back", store, operation, String.valueOf(cause));
    }
}
