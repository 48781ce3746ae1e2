package dev.latchkey.test;

import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.test.http.Credential;
import dev.latchkey.test.http.Http;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.jwt.TokenBuilder;
import dev.latchkey.test.pki.ClientCertificate;
import dev.latchkey.test.pki.TestPki;
import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A JUnit 5 extension that runs the API under test on {@link LatchkeyJetty} (127.0.0.1, free HTTP and HTTPS ports),
 * trusting a test issuer whose JWKS it serves, or that targets a server already running at a URL. Register it on a
 * static field for one server per test class, on an instance field for one per test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LatchkeyServerExtension api = LatchkeyServerExtension.serving(OrdersResource.class).build();
 *
 * @Test
 * void readingOrdersNeedsTheScope() {
 *     assertEquals(200, api.get("/orders", api.jwt().scope("orders:read")).statusCode());
 *     assertEquals(403, api.get("/orders", api.jwt()).statusCode());
 * }
 * }</pre>
 *
 * The server is configured through MicroProfile Config as system properties while it runs: the issuer's
 * {@code mp.jwt.verify.issuer}, {@code .audiences} and {@code .publickey.location}; then, where neither the test nor
 * the application's own configuration sets them, every credential kind ({@code latchkey.mechanisms}), API keys in
 * memory, a users file of its own and the SPIFFE trust domain {@code latchkey.test}; properties of the builder win over
 * all. System properties are global: such tests do not run in parallel. With the system property
 * {@value #URL_PROPERTY} set, every extension targets that URL instead of starting a server.
 */
public final class LatchkeyServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The base URL of a running server that every extension targets instead of starting one. */
    public static final String URL_PROPERTY = "latchkey.test.url";

    private static final Credential NO_CLIENT_CERTIFICATE = Credential.overTls();

    private final Setup setup;
    private final Map<Credential, HttpClient> tlsClients = new IdentityHashMap<>();
    private Path dir;
    private TestPki pki;
    private JwksServer jwks;
    private Target target;
    private boolean perClass;

    private LatchkeyServerExtension(Setup setup) {
        this.setup = setup;
    }

    /** Serves JAX-RS resource (and provider) classes at the root path. */
    public static Builder serving(Class<?>... resources) {
        return new Builder(null, Set.of(resources), null);
    }

    /** Serves a JAX-RS application under its {@code @ApplicationPath}. */
    public static Builder application(Class<? extends Application> application) {
        return new Builder(Objects.requireNonNull(application, "application"), Set.of(), null);
    }

    /** Targets a server already running at {@code baseUrl}. */
    public static Builder remote(String baseUrl) {
        return new Builder(null, Set.of(), Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (target == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() throws Exception {
        dir = Files.createTempDirectory("latchkey-test");
        pki = TestPki.create(dir.resolve("pki"));
        jwks = new JwksServer(setup.jwksPort()).publishRaw(setup.issuer().publicJwks());
        try {
            target = setup.remote() != null ? new RunningServer(setup.remote(), usersFile())
                    : EmbeddedServer.start(setup, jwks.url(), pki);
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    private Path usersFile() {
        String file = setup.properties().get(EmbeddedServer.USERS_FILE);
        return file == null ? null : Path.of(file);
    }

    private void stop() {
        try {
            if (target != null) {
                target.close();
            }
        } finally {
            target = null;
            tlsClients.clear();
            if (jwks != null) {
                jwks.close();
                jwks = null;
            }
            delete(dir);
            dir = null;
        }
    }

    /** {@code http://127.0.0.1:<port><path>} (for a running server: its base URL and {@code path}). */
    public String url(String path) {
        return target().http(path);
    }

    /** {@code https://127.0.0.1:<port><path>}. */
    public String httpsUrl(String path) {
        return target().https(path);
    }

    /** The issuer the server trusts. */
    public TestIssuer issuer() {
        return setup.issuer();
    }

    /** A valid token of the test issuer for {@code alice}, to change (scopes, claims, expired, wrong key) and send. */
    public TokenBuilder jwt() {
        TokenBuilder token = setup.issuer().token();
        return setup.clock() == null ? token : token.clock(setup.clock());
    }

    /** Where the issuer's JWKS is served. */
    public String jwksUrl() {
        return running(jwks).url();
    }

    /** API keys issued through the server's own {@code ApiKeyService}. */
    public ApiKeys apiKeys() {
        return target().apiKeys();
    }

    /** Basic users in the users file the server reads. */
    public BasicUsers users() {
        return target().users();
    }

    /** The CA the server trusts for client certificates, and its certificates, CRLs and PEM files. */
    public TestPki pki() {
        return running(pki);
    }

    /** A client certificate of the trusted CA with the SPIFFE ID {@code spiffeId}, e.g. in {@code latchkey.test}. */
    public ClientCertificate clientCertificate(String spiffeId) {
        return pki().credential(pki().spiffeClient(spiffeId));
    }

    /** The clock the server reads, as given to the builder. */
    public Clock clock() {
        if (setup.clock() == null) {
            throw new IllegalStateException("the server reads the real time; give the builder a clock to move it");
        }
        return setup.clock();
    }

    /** A CDI bean of the running application, e.g. its {@code ApiKeyService}. */
    public <T> T bean(Class<T> type) {
        return target().bean(type);
    }

    /** GET {@code path} presenting {@code credentials}; over HTTPS when one of them needs it. */
    public HttpResponse<String> get(String path, Credential... credentials) {
        return send("GET", path, null, credentials);
    }

    /**
     * {@code method} {@code path} with a text body ({@code null}: none) presenting {@code credentials}; over HTTPS
     * when one of them needs it ({@link Credential#overTls()} asks for it alone).
     */
    public HttpResponse<String> send(String method, String path, String body, Credential... credentials) {
        boolean tls = Arrays.stream(credentials).anyMatch(Credential::needsTls);
        HttpRequest.Builder request = Http.request(method, tls ? httpsUrl(path) : url(path), body);
        for (Credential credential : credentials) {
            credential.addTo(request);
        }
        return Http.send(tls ? tlsClient(credentials) : Http.plain(), request.build());
    }

    /** One client per client certificate presented (and one for none), trusting the server. */
    private synchronized HttpClient tlsClient(Credential... credentials) {
        Credential presenting = Arrays.stream(credentials).filter(c -> c.clientKeys().isPresent()).findFirst()
                .orElse(NO_CLIENT_CERTIFICATE);
        return tlsClients.computeIfAbsent(presenting,
                c -> Http.client(target().tls(c.clientKeys().orElse(null))));
    }

    private Target target() {
        return running(target);
    }

    private static <T> T running(T part) {
        if (part == null) {
            throw new IllegalStateException("the server is not running: register the extension with"
                    + " @RegisterExtension and use it inside a test");
        }
        return part;
    }

    private static void delete(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the extension starts (or finds) the server. */
    public static final class Builder {
        private final Class<? extends Application> application;
        private final Set<Class<?>> resources;
        private final String remote;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private TestIssuer issuer = TestIssuer.create();
        private Clock clock;
        private LatchkeyJetty.ClientAuth clientAuth = LatchkeyJetty.ClientAuth.WANT;
        private Consumer<LatchkeyJetty.Builder> customizer = b -> { };
        private int jwksPort;

        private Builder(Class<? extends Application> application, Set<Class<?>> resources, String remote) {
            this.application = application;
            this.resources = new LinkedHashSet<>(resources);
            this.remote = remote;
        }

        /** A MicroProfile Config property of the server, over the kit's defaults and the application's own. */
        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, String> more) {
            properties.putAll(more);
            return this;
        }

        /** The issuer the server trusts ({@link TestIssuer#create()} by default). */
        public Builder issuer(TestIssuer testIssuer) {
            this.issuer = Objects.requireNonNull(testIssuer, "issuer");
            return this;
        }

        /** The clock the server reads (and tokens are made at), e.g. a {@code MutableClock} the test moves. */
        public Builder clock(Clock serverClock) {
            this.clock = serverClock;
            return this;
        }

        /** Whether the TLS handshake asks for a client certificate ({@code WANT} by default). */
        public Builder clientAuth(LatchkeyJetty.ClientAuth auth) {
            this.clientAuth = Objects.requireNonNull(auth, "clientAuth");
            return this;
        }

        /** Further settings of the server builder (protected paths, init parameters). */
        public Builder jetty(Consumer<LatchkeyJetty.Builder> change) {
            Consumer<LatchkeyJetty.Builder> before = customizer;
            customizer = b -> {
                before.accept(b);
                change.accept(b);
            };
            return this;
        }

        /** The port of the issuer's JWKS endpoint (a running server's {@code publickey.location}); free by default. */
        public Builder jwksPort(int port) {
            this.jwksPort = port;
            return this;
        }

        public LatchkeyServerExtension build() {
            String url = remote != null ? remote : System.getProperty(URL_PROPERTY);
            return new LatchkeyServerExtension(new Setup(application, Set.copyOf(resources), Map.copyOf(properties),
                    issuer, clock, clientAuth, customizer, url, jwksPort));
        }
    }
}
