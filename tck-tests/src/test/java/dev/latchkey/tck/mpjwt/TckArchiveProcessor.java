package dev.latchkey.tck.mpjwt;

import dev.latchkey.tck.Deployments;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns a TCK WAR into what a Latchkey user deploys; Latchkey's own test WARs are left alone.
 *
 * <ul>
 *   <li>the Latchkey jars and everything they bring go to {@code WEB-INF/lib} (as {@link Deployments} does);</li>
 *   <li>the TCK puts {@code microprofile-config.properties} in the WAR's {@code META-INF}, which is not on the web
 *   application's class path (MicroProfile Config reads {@code META-INF/microprofile-config.properties} from the
 *   class path): it is copied to {@code WEB-INF/classes/META-INF};</li>
 *   <li>a WAR without configuration gets no other: {@code UnsecuredPingTest}'s application has no
 *   {@code @LoginConfig} and no issuer, so Latchkey enables no mechanism, as MicroProfile JWT expects of an
 *   application that does not ask for MP-JWT;</li>
 *   <li>every TCK WAR gets {@code latchkey.authorization.unannotated=permit}: MicroProfile JWT 2.1 (and the TCK's
 *   {@code UnsecuredPingTest} and {@code EmptyTokenTest}) expects a JAX-RS method without security annotations to be
 *   open to anonymous callers, while Latchkey protects such methods by default;</li>
 *   <li>the one deployment that verifies with the TCK's 1024-bit RSA key ({@code RsaKeySignatureTest}) is allowed
 *   that key size; every other one keeps Latchkey's 2048-bit floor.</li>
 * </ul>
 */
public class TckArchiveProcessor implements ApplicationArchiveProcessor {

    static final String CONFIG = "META-INF/microprofile-config.properties";
    static final String CLASSES_CONFIG = "WEB-INF/classes/" + CONFIG;

    /** {@code RsaKeySignatureTest}'s key, {@code microprofile-config-rsakey1024-location.properties}. */
    static final String RSA_1024_KEY = "rsaPublicKey1024bit";
    static final String ALLOW_RSA_1024 = "latchkey.jwt.min-rsa-bits=1024\n";
    /** MicroProfile JWT's unannotated endpoints are public; Latchkey's default is "authenticated". */
    static final String PERMIT_UNANNOTATED = "latchkey.authorization.unannotated=permit\n";

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof WebArchive war) || !TckArchives.isTckTestClass(testClass.getJavaClass())) {
            return;
        }
        for (File jar : Deployments.libraries()) {
            war.addAsLibrary(jar);
        }
        String config = read(war, "/" + CONFIG);
        if (config == null) {
            config = read(war, "/" + CLASSES_CONFIG);
        }
        if (config == null) {
            config = "";
        }
        config = config + "\n" + PERMIT_UNANNOTATED;
        if (config.contains(RSA_1024_KEY)) {
            config = config + "\n" + ALLOW_RSA_1024;
        }
        war.delete("/" + CLASSES_CONFIG);
        war.addAsWebInfResource(new StringAsset(config), "classes/" + CONFIG);
    }

    private static String read(WebArchive war, String path) {
        Node node = war.get(path);
        if (node == null || node.getAsset() == null) {
            return null;
        }
        try (InputStream in = node.getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
