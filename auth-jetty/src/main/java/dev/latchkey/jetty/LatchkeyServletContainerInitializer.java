package dev.latchkey.jetty;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Installs {@link JakartaSecurityFilter} in front of every servlet of a web application that carries auth-jetty in
 * {@code WEB-INF/lib}, or that {@link LatchkeyJetty} starts. Set the context parameter {@code dev.latchkey.bridge} to
 * {@code false} to leave authentication to the container.
 */
public class LatchkeyServletContainerInitializer implements ServletContainerInitializer {

    public static final String FILTER_NAME = "latchkey-jakarta-security";
    public static final String ENABLED_PARAM = "dev.latchkey.bridge";
    public static final String PROTECTED_PATHS_PARAM = "dev.latchkey.protected-paths";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if ("false".equalsIgnoreCase(context.getInitParameter(ENABLED_PARAM))) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, JakartaSecurityFilter.class);
        if (filter == null) {
            return; // already registered (web.xml or a second initializer run)
        }
        String protectedPaths = context.getInitParameter(PROTECTED_PATHS_PARAM);
        if (protectedPaths != null) {
            filter.setInitParameter(JakartaSecurityFilter.PROTECTED_PATHS, protectedPaths);
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
