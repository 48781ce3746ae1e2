package dev.latchkey.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sample's client-certificate mapping ({@code latchkey.client-cert.mapping-file}) when it is absent: the
 * development SPIFFE client ({@code spiffe://latchkey.test/ns/demo/sa/client}) gets scope {@code orders:read}, the
 * CN-only client {@code dev-client} group {@code ops}. An existing file is left alone, so it can be edited.
 */
public final class ClientCertMappingFile {

    static final String RESOURCE = "/dev/latchkey/sample/client-cert-mapping.json";

    private ClientCertMappingFile() {
    }

    /** @return whether the file was written */
    public static boolean ensure(Path file) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (InputStream in = ClientCertMappingFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCE);
            }
            Files.copy(in, file);
        }
        return true;
    }
}
