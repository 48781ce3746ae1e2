package dev.latchkey.auth.metadata;

import dev.latchkey.auth.config.ConfigReader;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Registers {@link ProtectedResourceMetadataServlet} in a web application whose configuration names
 * {@value ResourceMetadataSettings#RESOURCE} (RFC 9728). Found by the container in {@code WEB-INF/lib} (WildFly,
 * Payara) and added by {@code LatchkeyJetty}. Bad settings throw the {@code ConfigurationException} that names the
 * property, so deployment fails.
 */
public class ResourceMetadataInitializer implements ServletContainerInitializer {

    public static final String SERVLET_NAME = "latchkey-resource-metadata";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Optional<ResourceMetadataSettings> settings = ResourceMetadataSettings.from(ConfigReader.current());
        if (settings.isEmpty()) {
            return;
        }
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader()
                : ResourceMetadataInitializer.class.getClassLoader();
        List<SupportedScopes> sources = ServiceLoader.load(SupportedScopes.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME,
                new ProtectedResourceMetadataServlet(settings.get(), sources));
        if (servlet == null) {
            return; // registered already (a second initializer run)
        }
        String wellKnown = ResourceMetadataSettings.WELL_KNOWN;
        servlet.addMapping(wellKnown, wellKnown + "/*");
    }
}
