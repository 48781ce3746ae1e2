package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.authz.AuthzApplication;
import dev.latchkey.jetty.it.authz.BrokenAuthzApplication;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code latchkey.authorization.unannotated} over real HTTP: {@code deny} and {@code permit} (the default,
 * {@code authenticated}, is in {@link AuthorizationShapesHttpTest}); a bad value and contradictory annotations fail
 * start-up with a message naming the property or the method.
 */
class UnannotatedPolicyHttpTest {

    private static TestIssuer tokens;

    @BeforeAll
    static void keys() throws Exception {
        tokens = TestServer.issuer();
    }

    private static Map<String, String> config(String policy) {
        return Map.of("latchkey.mechanisms", "jwt", "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER, "latchkey.authorization.unannotated", policy);
    }

    private static String bearer(String... groups) throws Exception {
        return "Bearer " + tokens.token().subject("alice").scope("read").claim("groups", List.of(groups)).sign();
    }

    @Test
    void whenDenyThenUnannotatedIsRefusedToEveryoneAndAnnotatedStillWork() throws Exception {
        try (TestServer server = TestServer.start(AuthzApplication.class, config("deny"), null)) {
            assertEquals(401, get(server.http("/plain")).statusCode());
            assertEquals(403, get(server.http("/plain"), "Authorization", bearer("admin")).statusCode());
            assertEquals(200, get(server.http("/health")).statusCode());
            assertEquals(200, get(server.http("/mixed/closed"), "Authorization", bearer("admin")).statusCode());
        }
    }

    @Test
    void whenPermitThenUnannotatedIsOpenButDeclaredConstraintsHold() throws Exception {
        try (TestServer server = TestServer.start(AuthzApplication.class, config("permit"), null)) {
            assertEquals(200, get(server.http("/plain")).statusCode());
            assertEquals(401, get(server.http("/mixed/closed")).statusCode());
            assertEquals(401, get(server.http("/loc/sub")).statusCode());
        }
    }

    @Test
    void whenPolicyValueIsUnknownThenStartFailsNamingTheProperty() throws Exception {
        try (RootLog log = new RootLog()) {
            Exception e = assertThrows(Exception.class,
                    () -> TestServer.start(AuthzApplication.class, config("open"), null).close());
            String why = log.text() + chain(e);
            assertTrue(why.contains("latchkey.authorization.unannotated"), why);
        }
    }

    @Test
    void whenPermitAllWouldDropAnInterfaceScopeThenStartFailsNamingTheMethod() throws Exception {
        try (RootLog log = new RootLog()) {
            Exception e = assertThrows(Exception.class,
                    () -> TestServer.start(BrokenAuthzApplication.class, config("authenticated"), null).close());
            String why = log.text() + chain(e);
            assertTrue(why.contains(BrokenAuthzApplication.Broken.class.getName() + "#open()"), why);
        }
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }

    /** Every record logged anywhere (the container logs the start-up failure under its own loggers). */
    private static final class RootLog extends Handler implements AutoCloseable {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        RootLog() {
            Logger.getLogger("").addHandler(this);
        }

        String text() {
            return String.join("\n", lines);
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage() + chain(record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
