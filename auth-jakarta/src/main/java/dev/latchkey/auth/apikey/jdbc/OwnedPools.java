package dev.latchkey.auth.apikey.jdbc;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The connection pools a producer opened ({@link JdbcSettings#dataSource}), to be closed with the application. A pool
 * that fails to close is logged, and the others are still closed.
 */
public final class OwnedPools implements Consumer<AutoCloseable> {

    private static final System.Logger LOG = System.getLogger(OwnedPools.class.getName());

    private final String what;
    private final List<AutoCloseable> pools = new CopyOnWriteArrayList<>();

    /** @param what how the log names the pools, e.g. {@code "API-key"} */
    public OwnedPools(String what) {
        this.what = what;
    }

    @Override
    public void accept(AutoCloseable pool) {
        pools.add(pool);
    }

    public void closeAll() {
        for (AutoCloseable pool : pools) {
            try {
                pool.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the {0} connection pool failed: {1}", what, e.toString());
            }
        }
        pools.clear();
    }
}
