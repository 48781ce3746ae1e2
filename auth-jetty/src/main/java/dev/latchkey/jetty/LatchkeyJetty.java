package dev.latchkey.jetty;

import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.metadata.ResourceMetadataInitializer;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Embedded Jetty 12 ee10 with CDI (Weld), JAX-RS (Jersey), MicroProfile Config and Latchkey's Jakarta Security bridge,
 * in a few lines:
 *
 * <pre>{@code
 * LatchkeyServer server = LatchkeyJetty.builder()
 *         .port(8080)
 *         .application(MyApi.class)
 *         .start();
 * }</pre>
 *
 * Start-up fails (an exception from {@link Builder#start()}) when authentication is not wired, so an application is
 * never served unauthenticated by accident.
 */
public final class LatchkeyJetty {

    private LatchkeyJetty() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** TLS settings for the HTTPS connector: server key store, optional trust store for client certificates. */
    public record Tls(int port, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                      ClientAuth clientAuth) {
        public Tls {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(clientAuth, "clientAuth");
        }

        /** Never prints the passwords. */
        @Override
        public String toString() {
            return "Tls[port=" + port + ", keyStore=" + keyStore + ", trustStore=" + trustStore
                    + ", clientAuth=" + clientAuth + "]";
        }
    }

    /** Whether the TLS handshake asks for a client certificate ({@code WANT}) or requires one ({@code NEED}). */
    public enum ClientAuth { NONE, WANT, NEED }

    public static final class Builder {
        private String host;
        private int port = 8080;
        private Class<? extends Application> application;
        private String protectedPaths;
        private Tls tls;
        private boolean sniHostCheck = true;
        private final Map<String, String> initParameters = new LinkedHashMap<>();

        /** Interface to bind; all interfaces when unset. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** HTTP port; 0 picks a free one; -1 disables plain HTTP. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The JAX-RS application, served under its {@link ApplicationPath} (or {@code /}). */
        public Builder application(Class<? extends Application> application) {
            this.application = application;
            return this;
        }

        /**
         * Servlet URL patterns that require a caller even outside JAX-RS, comma-separated: {@code /exact} or
         * {@code /prefix/*}. @throws ConfigurationException for any other form
         */
        public Builder protectedPaths(String patterns) {
            PathPatterns.parse(LatchkeyServletContainerInitializer.PROTECTED_PATHS_PARAM
                    + " (LatchkeyJetty.Builder.protectedPaths)", patterns);
            this.protectedPaths = patterns;
            return this;
        }

        /** Adds an HTTPS connector. */
        public Builder tls(Tls tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Whether the TLS SNI host name must match the server certificate (default {@code true}). Development
         * certificates that name only {@code localhost} need {@code false} to be reached as {@code 127.0.0.1}.
         */
        public Builder sniHostCheck(boolean check) {
            this.sniHostCheck = check;
            return this;
        }

        public Builder initParameter(String name, String value) {
            initParameters.put(name, value);
            return this;
        }

        /**
         * Builds and starts the server; throws when the application cannot start. Bad configuration is thrown as the
         * {@link ConfigurationException} that names the property, not as the container's wrapper around it.
         */
        public LatchkeyServer start() throws Exception {
            Objects.requireNonNull(application, "application");
            Server server = new Server();
            if (port >= 0) {
                ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
                http.setHost(host);
                http.setPort(port);
                server.addConnector(http);
            }
            if (tls != null) {
                server.addConnector(httpsConnector(server));
            }
            server.setHandler(context());
            server.setStopAtShutdown(true);
            try {
                server.start();
            } catch (Exception e) {
                server.stop();
                // The container's wrapper names no property; Latchkey's configuration error does.
                ConfigurationException cause = ConfigurationException.in(e).orElse(null);
                if (cause != null) {
                    throw cause;
                }
                throw e;
            }
            if (!server.isStarted() || server.getHandler() == null || !server.getHandler().isStarted()) {
                server.stop();
                throw new IllegalStateException("Latchkey: the web application failed to start; see the log above");
            }
            return new LatchkeyServer(server);
        }

        private ServletContextHandler context() {
            ServletContextHandler context = new ServletContextHandler("/");
            initParameters.forEach(context::setInitParameter);
            if (protectedPaths != null) {
                context.setInitParameter(LatchkeyServletContainerInitializer.PROTECTED_PATHS_PARAM, protectedPaths);
            }
            // Order matters: Jetty's CDI integration, then Weld, then the bridge that needs Weld's BeanManager.
            context.addServletContainerInitializer(new CdiServletContainerInitializer());
            context.addServletContainerInitializer(new EnhancedListener());
            context.addServletContainerInitializer(new LatchkeyServletContainerInitializer());
            // RFC 9728 metadata at /.well-known/oauth-protected-resource, when latchkey.resource-metadata.* is set.
            context.addServletContainerInitializer(new ResourceMetadataInitializer());
            ServletHolder jersey = new ServletHolder("jax-rs",
                    new ServletContainer(ResourceConfig.forApplicationClass(application)
                            .property(ServerProperties.WADL_FEATURE_DISABLE, true)));
            jersey.setInitOrder(1); // start with the context, so a broken application fails start-up
            context.addServlet(jersey, mapping(application));
            return context;
        }

        private static String mapping(Class<? extends Application> application) {
            ApplicationPath path = application.getAnnotation(ApplicationPath.class);
            String value = path == null ? "" : path.value().trim();
            if (value.endsWith("/*")) {
                value = value.substring(0, value.length() - 2);
            }
            while (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            if (!value.isEmpty() && !value.startsWith("/")) {
                value = "/" + value;
            }
            return value + "/*";
        }

        /**
         * Jetty's per-connection header field cache is off: it would keep whole {@code Authorization} values
         * (credentials) for the life of the connection, match later headers against them case-insensitively and hand
         * over the earlier value, so that a token differing only in letter case from an earlier valid one on the same
         * connection would be judged as that one. Matching long cached values character by character also costs more
         * than parsing them (about 8 µs per JWT-carrying request on the load benchmark).
         */
        private static HttpConfiguration httpConfiguration() {
            HttpConfiguration config = new HttpConfiguration();
            config.setHeaderCacheSize(0);
            return config;
        }

        private ServerConnector httpsConnector(Server server) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keyStore().toString());
            ssl.setKeyStorePassword(tls.keyStorePassword());
            if (tls.trustStore() != null) {
                ssl.setTrustStorePath(tls.trustStore().toString());
                ssl.setTrustStorePassword(tls.trustStorePassword());
            }
            ssl.setWantClientAuth(tls.clientAuth() == ClientAuth.WANT);
            ssl.setNeedClientAuth(tls.clientAuth() == ClientAuth.NEED);
            HttpConfiguration config = httpConfiguration();
            config.setSecureScheme("https");
            config.setSecurePort(tls.port());
            SecureRequestCustomizer customizer = new SecureRequestCustomizer();
            customizer.setSniHostCheck(sniHostCheck);
            config.addCustomizer(customizer);
            ServerConnector https = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(config));
            https.setHost(host);
            https.setPort(tls.port());
            return https;
        }
    }
}
