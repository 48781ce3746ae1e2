package dev.latchkey.sample;

import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.sample.cli.Action;
import dev.latchkey.sample.cli.Arguments;
import dev.latchkey.sample.cli.CliIo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code certs [--force]}: writes the development certificates (and the client-certificate mapping) without starting
 * the server; an existing set is kept unless {@code --force}. Prints file names only, never keys or passwords.
 */
public final class CertsCommand {

    private CertsCommand() {
    }

    /** Parses the arguments first (usage errors before any file is touched), then returns the action. */
    public static Action prepare(List<String> args, CliIo io) {
        boolean force = Arguments.parse(args, Set.of(), Set.of("--force")).expectPositional(0, "").flag("--force");
        return () -> run(force, io);
    }

    private static void run(boolean force, CliIo io) throws IOException {
        ConfigReader config = ConfigReader.current();
        Path dir = SampleServer.certsDir(config);
        DevTls.Material tls = force ? DevTls.generate(dir) : DevTls.ensure(dir);
        io.out().println((tls.generated() ? "Generated" : "Kept existing") + " development certificates in " + dir);
        io.out().println("  ca.pem                      CA certificate (curl --cacert)");
        io.out().println("  client.pem, client-key.pem  client with CN dev-client");
        io.out().println("  spiffe.pem, spiffe-key.pem  client with SPIFFE ID spiffe://latchkey.test/ns/demo/sa/client");
        io.out().println("  server.p12, truststore.p12  server stores (password in " + DevTls.PASSWORD_FILE + ")");
        Optional<Path> mapping = ClientCertificateSettings.from(config, TrustedProxies.from(config)).mappingFile();
        if (mapping.isPresent() && ClientCertMappingFile.ensure(mapping.get())) {
            io.out().println("Wrote the sample client-certificate mapping to " + mapping.get());
        }
    }
}
