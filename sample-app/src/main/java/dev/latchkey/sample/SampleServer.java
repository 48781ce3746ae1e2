package dev.latchkey.sample;

import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.sample.cli.ServeOptions;
import dev.latchkey.sample.jwt.DevSigningKey;
import dev.latchkey.sample.signature.DevKek;
import dev.latchkey.sample.jwt.JwksLocationConfigSource;
import dev.latchkey.sample.jwt.SampleJwtSettings;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final String PORT = "{port}";

    public static Path certsDir(ConfigReader config) {
        return Path.of(config.string(CERTS_DIR, DEFAULT_CERTS_DIR));
    }

    /** Starts the server; {@code notes} receives one-line remarks (files generated, the JWKS location). */
    public static LatchkeyServer start(ServeOptions options, Consumer<String> notes) throws Exception {
        ConfigReader config = ConfigReader.current();
        ClientCertificateSettings certSettings = ClientCertificateSettings.from(config, TrustedProxies.from(config));
        if (certSettings.mappingFile().isPresent() && ClientCertMappingFile.ensure(certSettings.mappingFile().get())) {
            notes.accept("Wrote the sample client-certificate mapping to " + certSettings.mappingFile().get());
        }
        DevKek.useUnlessConfigured(config); // HMAC signature secrets: the same development KEK as the CLI's
        Optional<String> jwksUrlTemplate = jwtKeys(config, options.httpPort(), notes);
        for (int attempt = 1; ; attempt++) {
            int httpPort = jwksUrlTemplate.isPresent() && options.httpPort() == 0 ? freePort() : options.httpPort();
            jwksUrlTemplate.ifPresent(t -> JwksLocationConfigSource.use(t.replace(PORT, Integer.toString(httpPort))));
            try {
                LatchkeyServer server = build(options, config, httpPort, notes).start();
                jwksUrlTemplate.ifPresent(t -> notes.accept("Bearer JWTs are verified with the keys at "
                        + t.replace(PORT, Integer.toString(httpPort))));
                return server;
            } catch (Exception e) {
                // The free port picked above was taken before Jetty bound it: pick another (a fixed port is not retried)
                if (options.httpPort() != 0 || jwksUrlTemplate.isEmpty() || !isBindFailure(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static LatchkeyJetty.Builder build(ServeOptions options, ConfigReader config, int httpPort,
                                               Consumer<String> notes) throws IOException {
        LatchkeyJetty.Builder builder = LatchkeyJetty.builder()
                .port(httpPort)
                .application(SampleApplication.class);
        if (options.httpsEnabled()) {
            DevTls.Material tls = DevTls.ensure(certsDir(config));
            if (tls.generated()) {
                notes.accept("Generated development certificates in " + tls.directory() + " (CA: "
                        + tls.files().caPem() + ")");
            }
            builder.tls(new LatchkeyJetty.Tls(options.httpsPort(), tls.files().serverKeyStore(), tls.password(),
                    tls.files().trustStore(), tls.password(), LatchkeyJetty.ClientAuth.WANT));
        }
        return builder;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ensures the development signing key and, unless keys are configured, points the JWT authenticator at the
     * sample's own key file when plain HTTP is off. Returns the JWKS URL to use with the HTTP port as {@value #PORT},
     * empty when the location is already settled (configured, or the file).
     */
    private static Optional<String> jwtKeys(ConfigReader config, int httpPort, Consumer<String> notes)
            throws IOException {
        DevSigningKey key = DevSigningKey.ensure(SampleJwtSettings.keyDirectory(config));
        if (key.generated()) {
            notes.accept("Generated a development signing key in " + key.directory() + " (kid " + key.keyId() + ")");
        }
        JwksLocationConfigSource.use(null); // forget a previous start's location before looking for a configured one
        if (config.string(PUBLIC_KEY).isPresent() || config.string(JwksLocationConfigSource.LOCATION).isPresent()) {
            return Optional.empty();
        }
        if (httpPort < 0) {
            String location = key.jwksFile().toAbsolutePath().toUri().toString();
            JwksLocationConfigSource.use(location);
            notes.accept("Bearer JWTs are verified with the keys at " + location);
            return Optional.empty();
        }
        return Optional.of("http://127.0.0.1:" + PORT + JWKS_PATH);
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
