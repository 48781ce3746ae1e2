package dev.latchkey.sample.cli;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Ports for {@code serve}: {@code --port}/{@code PORT} (default 8080) and {@code --https-port}/{@code HTTPS_PORT}
 * (default 8443). 0 picks a free port; -1 disables that connector.
 */
public record ServeOptions(int httpPort, int httpsPort) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_HTTPS_PORT = 8443;

    public ServeOptions {
        check("--port", httpPort);
        check("--https-port", httpsPort);
        if (httpPort < 0 && httpsPort < 0) {
            throw new UsageException("--port and --https-port cannot both be disabled");
        }
    }

    /** From the {@code serve} arguments; {@code env} looks up environment variables. */
    public static ServeOptions parse(List<String> args, UnaryOperator<String> env) {
        Arguments a = Arguments.parse(args, Set.of("--port", "--https-port"), Set.of()).expectPositional(0, "");
        return new ServeOptions(port(a, "--port", env.apply("PORT"), DEFAULT_HTTP_PORT),
                port(a, "--https-port", env.apply("HTTPS_PORT"), DEFAULT_HTTPS_PORT));
    }

    public boolean httpsEnabled() {
        return httpsPort >= 0;
    }

    private static int port(Arguments a, String option, String envValue, int defaultValue) {
        String value = a.option(option).orElse(envValue == null || envValue.isBlank() ? null : envValue.trim());
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a port number, got '" + value + "'");
        }
    }

    private static void check(String option, int port) {
        if (port < -1 || port > 65535) {
            throw new UsageException(option + " must be between -1 and 65535, got " + port);
        }
    }
}
