package dev.latchkey.containers.support;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Optional;

/** The container this run deploys to ({@code arquillian.launch}), and its HTTPS address when it has one. */
public final class Container {

    /** Where every request goes; the suite trusts it as a TLS-terminating proxy. */
    public static final String LOOPBACK = "127.0.0.1";

    private Container() {
    }

    public static String name() {
        return System.getProperty("arquillian.launch", "jetty");
    }

    /**
     * A deployment's base URL on {@value #LOOPBACK}, without trailing slashes: Payara Micro reports the machine's
     * address, from which a request would not come from the trusted proxy address.
     */
    public static String loopback(URL base) {
        return base.getProtocol() + "://" + LOOPBACK + ":" + base.getPort() + base.getPath().replaceAll("/+$", "");
    }

    /**
     * The origins a deployment is addressed by, for {@code latchkey.dpop.origins}: {@value #LOOPBACK} on the
     * container's HTTP port ({@code latchkey.http.port}, fixed by the build for every container) and, where it has
     * one, its HTTPS port.
     */
    public static String origins() {
        String origins = "http://" + LOOPBACK + ":" + Integer.parseInt(System.getProperty("latchkey.http.port"));
        String https = System.getProperty("latchkey.https.port");
        return https == null ? origins : origins + ",https://" + LOOPBACK + ":" + Integer.parseInt(https);
    }

    /**
     * The HTTPS form of a deployment's base URL: the container's HTTPS port ({@code latchkey.https.port}, set by the
     * build for WildFly and Payara; the Arquillian Jetty container has no TLS connector, and auth-jetty's own
     * tests cover Basic and mTLS on Jetty).
     */
    public static Optional<URL> https(URL base) {
        String port = System.getProperty("latchkey.https.port");
        if (port == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URL("https", base.getHost(), Integer.parseInt(port), base.getPath()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
