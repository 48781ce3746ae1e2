package dev.latchkey.tck.mpjwt;

import org.jboss.shrinkwrap.api.Archive;

/** Tells the TCK's WARs from Latchkey's own test WARs (built by {@code dev.latchkey.tck.Deployments}). */
final class TckArchives {

    static final String TCK_PACKAGE = "org.eclipse.microprofile.jwt.tck";

    private TckArchives() {
    }

    static boolean isTckTestClass(Class<?> testClass) {
        return testClass.getPackageName().startsWith(TCK_PACKAGE);
    }

    /** A deployed WAR is the TCK's when it carries TCK classes. */
    static boolean isTckArchive(Archive<?> archive) {
        return archive.contains("/WEB-INF/classes/" + TCK_PACKAGE.replace('.', '/'));
    }
}
