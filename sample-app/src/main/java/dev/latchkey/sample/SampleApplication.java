package dev.latchkey.sample;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample API. Resources are discovered by Jersey; Latchkey's JAX-RS providers register themselves. */
@ApplicationPath("/api")
public class SampleApplication extends Application {
}
