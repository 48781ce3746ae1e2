package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "log forging and flooding", over real HTTP: request-derived values in a warning are escaped (a client
 * cannot write a line of its own), and a per-request warning is logged once per client network per interval. The
 * test client is a trusted proxy (loopback), so each test names its own client in {@code X-Forwarded-For}.
 */
class LogForgingHttpTest {

    private static final String FORGED = "INFO: authenticated: mechanism=jwt caller=admin";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key",
                "latchkey.api-key.environment", "live",
                "latchkey.api-key.store", "memory",
                "latchkey.trusted-proxies", "127.0.0.1/32,::1/128"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> keyInUrl(String client, String query) throws Exception {
        return get(server.http("/orders?" + query), "X-Forwarded-For", client);
    }

    private static List<String> urlWarnings(LogCapture log) {
        return log.messages().stream().filter(m -> m.contains("query parameter")).toList();
    }

    @Test
    void whenAQueryParameterNameCarriesALineBreakThenNoForgedLineIsLogged() throws Exception {
        String query = "x%0D%0A" + FORGED.replace(" ", "%20").replace("=", "%3D") + "=sk_live_a";
        List<String> warnings;
        String all;
        try (LogCapture log = LogCapture.latchkey()) {
            assertEquals(400, keyInUrl("192.0.2.10", query).statusCode());
            warnings = urlWarnings(log);
            all = log.all();
        }
        assertEquals(1, warnings.size(), all);
        for (String line : all.split("[\r\n\u2028\u2029\u0085]")) {
            assertFalse(line.startsWith("INFO"), "forged line: " + line);
        }
        assertTrue(warnings.get(0).contains("x\\r\\n" + FORGED), "escaped in place: " + warnings.get(0));
        assertTrue(warnings.get(0).contains("from 192.0.2.10"), "the client behind the trusted proxy: " + warnings);
    }

    @Test
    void whenOneNetworkSendsManyKeysInUrlsThenOneWarningPerNetwork() throws Exception {
        List<String> warnings;
        try (LogCapture log = LogCapture.latchkey()) {
            for (int i = 0; i < 25; i++) {
                assertEquals(400, keyInUrl("198.51.100.7", "api_key=guess" + i).statusCode());
                assertEquals(400, keyInUrl("2001:db8:7:7::" + Integer.toHexString(i + 1), "api_key=guess" + i)
                        .statusCode());
            }
            assertEquals(400, keyInUrl("198.51.100.8", "api_key=other").statusCode());
            warnings = urlWarnings(log);
        }
        assertEquals(3, warnings.size(), "one per client network (IPv4 address, IPv6 /64): " + warnings);
        assertEquals(1, warnings.stream().filter(w -> w.contains("from 198.51.100.7")).count(), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.contains("from 2001:db8:7:7:")).count(), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.contains("from 198.51.100.8")).count(), warnings.toString());
        assertTrue(warnings.get(0).contains("suppressed for 10 minutes"), warnings.get(0));
    }
}
