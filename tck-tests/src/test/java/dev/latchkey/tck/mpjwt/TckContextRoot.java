package dev.latchkey.tck.mpjwt;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.jboss.arquillian.container.jetty.embedded_12_ee10.WebAppContextProcessor;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Serves each TCK WAR at {@code /}: the TCK's key-location URL tests point {@code mp.jwt.verify.publickey.location}
 * at {@code mp.jwt.tck.jwks.baseURL} + {@code pem/...} or {@code jwks/...}, i.e. at the root of the server. The TCK
 * deploys one WAR at a time, so the root is never shared.
 */
public class TckContextRoot implements WebAppContextProcessor {

    @Override
    public void process(WebAppContext webAppContext, Archive<?> archive) {
        if (TckArchives.isTckArchive(archive)) {
            webAppContext.setContextPath("/");
        }
    }
}
