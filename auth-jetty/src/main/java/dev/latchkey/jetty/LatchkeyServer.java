package dev.latchkey.jetty;

import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

import java.util.Arrays;
import java.util.OptionalInt;

/** A started embedded server: its ports, and a clean stop. */
public final class LatchkeyServer implements AutoCloseable {

    private final Server server;

    LatchkeyServer(Server server) {
        this.server = server;
    }

    /** The bound HTTP port, if plain HTTP is enabled. */
    public OptionalInt httpPort() {
        return port(false);
    }

    /** The bound HTTPS port, if TLS is enabled. */
    public OptionalInt httpsPort() {
        return port(true);
    }

    private OptionalInt port(boolean secure) {
        return Arrays.stream(server.getConnectors())
                .filter(c -> c instanceof ServerConnector)
                .filter(c -> (c.getConnectionFactory(SslConnectionFactory.class) != null) == secure)
                .mapToInt(c -> ((NetworkConnector) c).getLocalPort())
                .findFirst();
    }

    public Server jetty() {
        return server;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
