package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.app.session.SessionStore;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's example credential kind ({@code app.session}: four small files against the SPI) over real HTTP: the
 * shared step gives it the caller, the 401 with its scheme, and the 503 when no identity store judges its credential.
 */
class NewKindHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of("latchkey.mechanisms", "session"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenTheStoreAcceptsTheSessionThenItsCallerIsTheKinds() throws Exception {
        HttpResponse<String> ok = get(server.http("/me"), "X-Session", SessionStore.VALID);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("carol", json(ok).getString("name"));
        assertEquals("session", json(ok).getString("mechanism"));
    }

    @Test
    void whenTheStoreRefusesThen401WithTheKindsScheme() throws Exception {
        HttpResponse<String> refused = get(server.http("/me"), "X-Session", "stolen");
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"invalid credentials\"",
                header(refused, "WWW-Authenticate"));
    }

    @Test
    void whenNoStoreJudgesTheSessionThen503NotA401() throws Exception {
        HttpResponse<String> unjudged = get(server.http("/me"), "X-Session", SessionStore.UNJUDGED);
        assertEquals(503, unjudged.statusCode());
        assertTrue(unjudged.body().contains("\"error\":\"temporarily_unavailable\""), unjudged.body());
        assertEquals(null, header(unjudged, "WWW-Authenticate"));
    }

    @Test
    void whenNoSessionThen401ChallengingWithTheKindsScheme() throws Exception {
        HttpResponse<String> none = get(server.http("/me"));
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"api\"", header(none, "WWW-Authenticate"));
    }
}
