package dev.latchkey.auth.cert;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The TLS client certificate of the current request on Undertow (WildFly), read from the connection's TLS session.
 * Undertow sets {@value ClientCertificateResolver#SERVLET_ATTRIBUTE} (Servlet 6.0 §3.9) only after authentication has
 * run, so a Jakarta Security mechanism never sees it there; WildFly shows the {@code io.undertow.servlet} module to
 * every web deployment. Elsewhere the Undertow classes are absent and this finds nothing.
 */
final class UndertowTlsCertificates {

    private static final String CONTEXT = "io.undertow.servlet.handlers.ServletRequestContext";
    /** {@code ServletRequestContext.current().getExchange().getConnection().getSslSessionInfo()}, or null. */
    private static final MethodHandle SSL_SESSION_INFO = sslSessionInfo();
    private static final MethodHandle PEER_CERTIFICATES = peerCertificates();

    private UndertowTlsCertificates() {
    }

    /** The leaf certificate the client presented on this request's TLS connection, when on Undertow. */
    static Optional<X509Certificate> leaf() {
        if (SSL_SESSION_INFO == null || PEER_CERTIFICATES == null) {
            return Optional.empty();
        }
        try {
            Object info = SSL_SESSION_INFO.invoke();
            if (info == null) {
                return Optional.empty(); // plain HTTP
            }
            Certificate[] chain = (Certificate[]) PEER_CERTIFICATES.invoke(info);
            return chain != null && chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? Optional.of(leaf) : Optional.empty();
        } catch (Throwable noCertificate) {
            // SSLPeerUnverifiedException: no certificate presented; no current request context: not a servlet request
            return Optional.empty();
        }
    }

    private static MethodHandle sslSessionInfo() {
        try {
            ClassLoader loader = UndertowTlsCertificates.class.getClassLoader();
            Class<?> context = Class.forName(CONTEXT, false, loader);
            Class<?> exchange = Class.forName("io.undertow.server.HttpServerExchange", false, loader);
            Class<?> connection = Class.forName("io.undertow.server.ServerConnection", false, loader);
            Class<?> info = Class.forName("io.undertow.server.SSLSessionInfo", false, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle current = lookup.findStatic(context, "current", MethodType.methodType(context));
            MethodHandle getExchange = lookup.findVirtual(context, "getExchange", MethodType.methodType(exchange));
            MethodHandle getConnection = lookup.findVirtual(exchange, "getConnection",
                    MethodType.methodType(connection));
            MethodHandle getInfo = lookup.findVirtual(connection, "getSslSessionInfo", MethodType.methodType(info));
            MethodHandle chain = MethodHandles.filterReturnValue(MethodHandles.filterReturnValue(
                    MethodHandles.filterReturnValue(current, getExchange), getConnection), getInfo);
            return chain.asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | LinkageError notUndertow) {
            return null;
        }
    }

    private static MethodHandle peerCertificates() {
        try {
            Class<?> info = Class.forName("io.undertow.server.SSLSessionInfo", false,
                    UndertowTlsCertificates.class.getClassLoader());
            return MethodHandles.publicLookup()
                    .findVirtual(info, "getPeerCertificates", MethodType.methodType(Certificate[].class))
                    .asType(MethodType.methodType(Certificate[].class, Object.class));
        } catch (ReflectiveOperationException | LinkageError notUndertow) {
            return null;
        }
    }
}
