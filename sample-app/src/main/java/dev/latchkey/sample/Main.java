package dev.latchkey.sample;

import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.LatchkeyServer;

import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar sample-app.jar [--port N]}: serves the sample API on embedded Jetty (port 8080, or {@code PORT}).
 * Stops cleanly on SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int port = intOption(arguments, "--port", "PORT", 8080);
        LatchkeyServer server = LatchkeyJetty.builder()
                .port(port)
                .application(SampleApplication.class)
                .start();
        System.out.println("Latchkey sample listening on http://localhost:" + server.httpPort().orElse(port) + "/api");
        server.join();
    }

    static int intOption(List<String> args, String flag, String env, int defaultValue) {
        int i = args.indexOf(flag);
        String value = i >= 0 && i + 1 < args.size() ? args.get(i + 1) : System.getenv(env);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a port number, got '" + value + "'");
        }
    }
}
