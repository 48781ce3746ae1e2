package dev.latchkey.jetty.it.stepup;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** An application with step-up requirements (RFC 9470). */
@ApplicationPath("/api")
public class StepUpApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(PaymentsResource.class, ApprovalsResource.class);
    }
}
