package dev.latchkey.test;

import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.test.jwt.TestIssuer;
import jakarta.ws.rs.core.Application;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a {@link LatchkeyServerExtension} was built with.
 *
 * @param application the JAX-RS application class, or {@code null} to serve {@code resources} at the root
 * @param properties  MicroProfile Config properties, over the kit's defaults and the application's own
 * @param clock       the server's clock, {@code null} for the real time
 * @param remote      the base URL of a running server to target instead of starting one, or {@code null}
 * @param jwksPort    the port of the issuer's JWKS endpoint, 0 for a free one
 */
record Setup(Class<? extends Application> application, Set<Class<?>> resources, Map<String, String> properties,
             TestIssuer issuer, Clock clock, LatchkeyJetty.ClientAuth clientAuth,
             Consumer<LatchkeyJetty.Builder> customizer, String remote, int jwksPort) {
}
