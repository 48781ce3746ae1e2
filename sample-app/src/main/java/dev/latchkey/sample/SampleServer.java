package dev.latchkey.sample;

import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.sample.cli.ServeOptions;
import dev.latchkey.sample.jwt.DevSigningKey;
import dev.latchkey.sample.jwt.JwksLocationConfigSource;
import dev.latchkey.sample.jwt.SampleJwtSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the sample API on embedded Jetty: plain HTTP, and HTTPS with the development certificates (client
 * certificates wanted, trusted when issued by the development CA). Writes the client-certificate mapping and the
 * development signing key first when absent. Unless a key or key location is configured, bearer JWTs are verified
 * with the sample's own {@code /.well-known/jwks.json}, fetched over HTTP on first use (or read from the key file
 * when plain HTTP is disabled). Jetty stops on SIGTERM (its shutdown hook).
 */
public final class SampleServer {

    /** {@code latchkey.sample.certs-dir}: where the development certificates live. */
    public static final String CERTS_DIR = "latchkey.sample.certs-dir";
    public static final String DEFAULT_CERTS_DIR = ".latchkey/certs";

    private SampleServer() {
    }

    /** Where the sample serves its public keys. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    public static Path certsDir(ConfigReader config) {
        return Path.of(config.string(CERTS_DIR, DEFAULT_CERTS_DIR));
    }

    /** Starts the server; {@code notes} receives one-line remarks (files generated, the JWKS location). */
    public static LatchkeyServer start(ServeOptions options, Consumer<String> notes) throws Exception {
        ConfigReader config = ConfigReader.current();
        ClientCertificateSettings certSettings = ClientCertificateSettings.from(config);
        if (certSettings.mappingFile().isPresent() && ClientCertMappingFile.ensure(certSettings.mappingFile().get())) {
            notes.accept("Wrote the sample client-certificate mapping to " + certSettings.mappingFile().get());
        }
        int httpPort = jwtKeys(config, options.httpPort(), notes);
        LatchkeyJetty.Builder builder = LatchkeyJetty.builder()
                .port(httpPort)
                .application(SampleApplication.class);
        if (options.httpsEnabled()) {
            DevTls.Material tls = DevTls.ensure(certsDir(config));
            if (tls.generated()) {
                notes.accept("Generated development certificates in " + tls.directory() + " (CA: "
                        + tls.caCertificate() + ")");
            }
            builder.tls(new LatchkeyJetty.Tls(options.httpsPort(), tls.keyStore(), tls.password(), tls.trustStore(),
                    tls.password(), LatchkeyJetty.ClientAuth.WANT));
        }
        return builder.start();
    }

    /**
     * Ensures the development signing key and, unless keys are configured, points the JWT authenticator at the
     * sample's own JWKS URL (or its file when plain HTTP is off). Returns the HTTP port to bind: a free one picked
     * now for 0, since the URL names it.
     */
    private static int jwtKeys(ConfigReader config, int httpPort, Consumer<String> notes) throws IOException {
        DevSigningKey key = DevSigningKey.ensure(SampleJwtSettings.keyDirectory(config));
        if (key.generated()) {
            notes.accept("Generated a development signing key in " + key.directory() + " (kid " + key.keyId() + ")");
        }
        JwksLocationConfigSource.use(null); // forget a previous start's location before looking for a configured one
        if (config.string(PUBLIC_KEY).isPresent() || config.string(JwksLocationConfigSource.LOCATION).isPresent()) {
            return httpPort;
        }
        int port = httpPort == 0 ? freePort() : httpPort;
        String location = port > 0 ? "http://127.0.0.1:" + port + JWKS_PATH
                : key.jwksFile().toAbsolutePath().toUri().toString();
        JwksLocationConfigSource.use(location);
        notes.accept("Bearer JWTs are verified with the keys at " + location);
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** "Latchkey sample listening on http://localhost:8080/api and https://localhost:8443/api". */
    public static String listening(LatchkeyServer server) {
        List<String> urls = new ArrayList<>();
        server.httpPort().ifPresent(p -> urls.add("http://localhost:" + p + "/api"));
        server.httpsPort().ifPresent(p -> urls.add("https://localhost:" + p + "/api"));
        return "Latchkey sample listening on " + String.join(" and ", urls);
    }
}
