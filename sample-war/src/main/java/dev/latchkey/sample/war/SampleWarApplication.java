package dev.latchkey.sample.war;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sample API in a WAR: no classes listed, so the server scans the WAR for resources and for Latchkey's
 * {@code @Provider}s (RESTEasy on WildFly has no Jersey auto-discovery). Mapped at the root like the embedded sample:
 * {@code /api/...} and {@code /.well-known/jwks.json}.
 */
@ApplicationPath("/")
public class SampleWarApplication extends Application {
}
