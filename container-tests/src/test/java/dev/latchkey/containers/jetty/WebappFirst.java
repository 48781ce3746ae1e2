package dev.latchkey.containers.jetty;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.jboss.arquillian.container.jetty.embedded_12_ee10.WebAppContextProcessor;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Loads web application classes first (Servlet 6.0 §10.7.2), as a stand-alone Jetty does: the fixtures in
 * WEB-INF/classes use Latchkey types that exist only in WEB-INF/lib, never on the test class path.
 */
public class WebappFirst implements WebAppContextProcessor {

    @Override
    public void process(WebAppContext webAppContext, Archive<?> archive) {
        webAppContext.setParentLoaderPriority(false);
    }
}
