package dev.latchkey.test;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.test.config.TestProperties;
import dev.latchkey.test.pki.SslContexts;
import dev.latchkey.test.pki.TestPki;
import dev.latchkey.test.server.ServerClock;
import dev.latchkey.test.server.ServerClockExtension;
import dev.latchkey.test.server.TestApplication;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link LatchkeyJetty} on 127.0.0.1, free HTTP and HTTPS ports (the kit's PKI: a {@code localhost} / {@code 127.0.0.1}
 * server certificate, client certificates of its CA wanted), configured through system properties while it runs.
 */
record EmbeddedServer(LatchkeyServer server, TestProperties properties, TestPki pki, Path usersFile,
                      String apiKeyHeader) implements Target {

    static final String USERS_FILE = "latchkey.basic.users-file";
    static final String API_KEY_HEADER = "latchkey.api-key.header";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";


    static EmbeddedServer start(Setup setup, String jwksUrl, TestPki pki) throws Exception {
        TestProperties.releaseConfig();
        Config configured = ConfigProvider.getConfig();
        // Latchkey takes exactly one of the two key properties: the form the application or the test already uses.
        boolean inline = setup.properties().containsKey(INLINE_KEY)
                || configured.getOptionalValue(INLINE_KEY, String.class).isPresent();
        Map<String, String> effective = new LinkedHashMap<>(inline ? setup.issuer().properties()
                : setup.issuer().properties(jwksUrl));
        defaults(pki.directory().getParent()).forEach((name, value) -> {
            if (configured.getOptionalValue(name, String.class).isEmpty()) {
                effective.put(name, value);
            }
        });
        effective.putAll(setup.properties());
        TestProperties properties = TestProperties.set(effective);
        try {
            Config config = ConfigProvider.getConfig();
            Path users = createIfAbsent(Path.of(config.getValue(USERS_FILE, String.class)));
            String header = config.getOptionalValue(API_KEY_HEADER, String.class).orElse("X-API-Key");
            ServerClock.use(setup.clock() == null ? java.time.Clock.systemUTC() : setup.clock());
            if (setup.application() == null) {
                TestApplication.serve(setup.resources());
            }
            LatchkeyJetty.Builder builder = LatchkeyJetty.builder().host("127.0.0.1").port(0)
                    .application(setup.application() == null ? TestApplication.class : setup.application())
                    .tls(new LatchkeyJetty.Tls(0, pki.serverKeyStore(), TestPki.PASSWORD, pki.trustStore(),
                            TestPki.PASSWORD, setup.clientAuth()));
            setup.customizer().accept(builder);
            return new EmbeddedServer(ServerClockExtension.enabledWhile(builder::start), properties, pki, users,
                    header);
        } catch (Exception | Error e) {
            properties.close();
            ServerClock.reset();
            throw e;
        }
    }

    /**
     * What the kit sets when neither the test nor the application's configuration does: every credential kind, API
     * keys in memory, a users file of the test's own, SPIFFE IDs of {@code latchkey.test} trusted.
     */
    private static Map<String, String> defaults(Path dir) {
        return Map.of("latchkey.mechanisms", "jwt,api-key,client-cert,basic",
                "latchkey.api-key.store", "memory",
                USERS_FILE, dir.resolve("users.properties").toString(),
                "latchkey.client-cert.trust-domains", "latchkey.test");
    }

    private static Path createIfAbsent(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.createFile(file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String http(String path) {
        return "http://127.0.0.1:" + server.httpPort().orElseThrow() + path;
    }

    @Override
    public String https(String path) {
        return "https://127.0.0.1:" + server.httpsPort().orElseThrow() + path;
    }

    @Override
    public SSLContext tls(KeyManager[] clientKeys) {
        return SslContexts.trusting(clientKeys, pki.ca().certificate());
    }

    @Override
    public ApiKeys apiKeys() {
        return new ApiKeys(() -> bean(ApiKeyService.class), apiKeyHeader);
    }

    @Override
    public BasicUsers users() {
        return new BasicUsers(usersFile);
    }

    public LatchkeyServer server() {
        return server;
    }

    /** Through the bean manager the CDI implementation (Weld) publishes in the servlet context, whatever its name. */
    @Override
    public <T> T bean(Class<T> type) {
        ServletContext context = ((ServletContextHandler) server.jetty().getHandler()).getServletContext();
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof BeanManager beans) {
                return beans.createInstance().select(type).get();
            }
        }
        throw new IllegalStateException("the application has no CDI container");
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server", e);
        } finally {
            properties.close();
            ServerClock.reset();
        }
    }
}
