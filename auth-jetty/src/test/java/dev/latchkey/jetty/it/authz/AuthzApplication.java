package dev.latchkey.jetty.it.authz;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * TEST FIXTURE: every resource shape of issue 11, served under {@code /api}, behind {@link ContainerWithoutRoleMapping}
 * (the container itself grants no role: every role check must use the Latchkey caller's groups).
 */
@ApplicationPath("/api")
public class AuthzApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Shapes.LocatorRoot.class, Shapes.Gen.class,
                Shapes.ApiImpl.class, Shapes.Impl.class, Shapes.LocatorApiImpl.class, Shapes.GenSuperImpl.class,
                Shapes.DefaultImpl.class, Shapes.Mixed.class, Shapes.ScopesImpl.class, Shapes.Plain.class,
                Shapes.NearMiss.class, Shapes.MoreSpecific.class, Shapes.NestRoot.class, Shapes.DynamicRoot.class,
                Shapes.Health.class, Shapes.ReportSize.class, ContainerWithoutRoleMapping.class,
                Shapes.Tree.class, Shapes.Items.class, Shapes.Extensions.class, Shapes.Me.class, Shapes.Users.class,
                Shapes.Tie.class, ExtensionFilter.class);
    }

    /** An instance the application creates: no CDI interceptor guards its methods, only the JAX-RS layer. */
    @Override
    public Set<Object> getSingletons() {
        return Set.of(new Shapes.ScopedLocatorRoot());
    }
}
