package dev.latchkey.tck.mpjwt;

import org.jboss.arquillian.container.jetty.embedded_12_ee10.WebAppContextProcessor;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Runs the MicroProfile JWT Auth TCK against Latchkey on embedded Jetty: prepares the TCK's WARs
 * ({@link TckArchiveProcessor}), serves them at the context root ({@link TckContextRoot}), and, for the {@code tck}
 * container of {@code arquillian.xml}, reserves the HTTP port before Arquillian reads its configuration so that
 * {@code mp.jwt.tck.jwks.baseURL} (read by the TCK's deployment methods, which build key location URLs pointing at
 * the application under test) names it.
 */
public class TckExtension implements LoadableExtension {

    /** The {@code tck} container's port ({@code ${latchkey.tck.port}} in arquillian.xml). */
    public static final String PORT = "latchkey.tck.port";
    public static final String BASE_URL = "mp.jwt.tck.jwks.baseURL";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, TckArchiveProcessor.class);
        builder.service(WebAppContextProcessor.class, TckContextRoot.class);
        if ("tck".equals(System.getProperty("arquillian.launch"))) {
            if (System.getProperty(PORT) == null) {
                System.setProperty(PORT, Integer.toString(freePort()));
            }
            if (System.getProperty(BASE_URL) == null) {
                System.setProperty(BASE_URL, "http://127.0.0.1:" + System.getProperty(PORT) + "/");
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the TCK container", e);
        }
    }
}
