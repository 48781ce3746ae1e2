package dev.latchkey.sample;

import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.sample.cli.ServeOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the sample API on embedded Jetty: plain HTTP, and HTTPS with the development certificates (client
 * certificates wanted, trusted when issued by the development CA). Writes the client-certificate mapping first when
 * absent. Jetty stops on SIGTERM (its shutdown hook).
 */
public final class SampleServer {

    /** {@code latchkey.sample.certs-dir}: where the development certificates live. */
    public static final String CERTS_DIR = "latchkey.sample.certs-dir";
    public static final String DEFAULT_CERTS_DIR = ".latchkey/certs";

    private SampleServer() {
    }

    public static Path certsDir(ConfigReader config) {
        return Path.of(config.string(CERTS_DIR, DEFAULT_CERTS_DIR));
    }

    /** Starts the server; {@code notes} receives one-line remarks (certificates generated, mapping written). */
    public static LatchkeyServer start(ServeOptions options, Consumer<String> notes) throws Exception {
        ConfigReader config = ConfigReader.current();
        ClientCertificateSettings certSettings = ClientCertificateSettings.from(config);
        if (certSettings.mappingFile().isPresent() && ClientCertMappingFile.ensure(certSettings.mappingFile().get())) {
            notes.accept("Wrote the sample client-certificate mapping to " + certSettings.mappingFile().get());
        }
        LatchkeyJetty.Builder builder = LatchkeyJetty.builder()
                .port(options.httpPort())
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

    /** "Latchkey sample listening on http://localhost:8080/api and https://localhost:8443/api". */
    public static String listening(LatchkeyServer server) {
        List<String> urls = new ArrayList<>();
        server.httpPort().ifPresent(p -> urls.add("http://localhost:" + p + "/api"));
        server.httpsPort().ifPresent(p -> urls.add("https://localhost:" + p + "/api"));
        return "Latchkey sample listening on " + String.join(" and ", urls);
    }
}
