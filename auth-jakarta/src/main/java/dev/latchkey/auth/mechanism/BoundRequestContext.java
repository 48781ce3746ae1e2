package dev.latchkey.auth.mechanism;

/**
 * The {@link RequestAuthContext} of the request a thread is serving, while a servlet filter that runs the mechanism
 * (Latchkey's Jetty bridge) hands that request to the rest of the chain on the same thread: {@link CurrentCaller} reads
 * it here instead of finding the request through the CDI container's request-scoped {@code HttpServletRequest} proxy
 * (a context look-up per call, on the path of every {@code @RequiresScope} method).
 *
 * <p>A copy of the request attribute {@value AuthenticatorChain#REQUEST_ATTRIBUTE}, never a second home: it holds the
 * very object the mechanism published, and only from {@link #bind} to {@link Binding#close()}, which the filter calls
 * in a {@code finally}, restoring what the thread held before (a dispatch nested in another request). A thread not
 * inside such a filter (an asynchronous completion, a container without the bridge) holds none, and
 * {@link CurrentCaller} reads the request itself.
 */
public final class BoundRequestContext {

    private static final ThreadLocal<RequestAuthContext> BOUND = new ThreadLocal<>();

    private BoundRequestContext() {
    }

    /** Ends a {@link #bind}: the thread holds again what it held before. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Binds {@code context} (null: none) to the current thread until the returned binding is closed.
     *
     * @param context the context the mechanism published on the request being served, or null
     */
    public static Binding bind(RequestAuthContext context) {
        RequestAuthContext previous = BOUND.get();
        BOUND.set(context);
        // set, not remove: the thread keeps an empty slot for its next request instead of rehashing its map each time
        return () -> BOUND.set(previous);
    }

    /** The context bound to the current thread, or null. */
    static RequestAuthContext current() {
        return BOUND.get();
    }
}
