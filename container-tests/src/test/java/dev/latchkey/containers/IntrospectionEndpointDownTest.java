package dev.latchkey.containers;

import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;

/** RFC 7662 on every container: an introspection endpoint nobody answers on is 503, never 401 and never 200. */
@ExtendWith(ArquillianExtension.class)
class IntrospectionEndpointDownTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("introspection-down", IntrospectionTest.config("http://127.0.0.1:" + closedPort()
                + "/introspect"), "ApiApplication", "OrdersResource");
    }

    /** A loopback port that was free a moment ago and that nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void whenEndpointDownThen503WithoutChallenge() {
        IntrospectionTest.assertUnavailable(Http.get(base, "/api/orders", "Authorization", "Bearer opaque-alice"));
    }
}
