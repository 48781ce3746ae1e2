package dev.latchkey.containers.jetty;

import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link WebappFirst} when the run is the embedded Jetty one: the WildFly and Payara runs have no Jetty
 * adapter on their class path, and this class names none of its types.
 */
public class JettyOnlyExtension implements LoadableExtension {

    private static final String PROCESSOR = "org.jboss.arquillian.container.jetty.embedded_12_ee10.WebAppContextProcessor";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void register(ExtensionBuilder builder) {
        Class processor;
        try {
            processor = Class.forName(PROCESSOR, false, JettyOnlyExtension.class.getClassLoader());
        } catch (ClassNotFoundException notJetty) {
            return;
        }
        builder.service(processor, WebappFirst.class);
    }
}
