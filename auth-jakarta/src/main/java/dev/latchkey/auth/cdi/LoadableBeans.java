package dev.latchkey.auth.cdi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Latchkey's mechanism and the producers of its credential kinds and identity stores, checked to be discovered at
 * deployment. CDI implementations skip a bean class
 * that fails to load (a missing dependency in {@code WEB-INF/lib}, an API the container does not show the deployment)
 * with at most a log line; Jakarta Security then finds no store for a credential kind, and every such request would
 * get 503. Loading them here turns that into a deployment error naming the class and the cause.
 */
public final class LoadableBeans {

    /**
     * Their products are looked up dynamically (by {@code Instance} and the identity store handler), so never an
     * unsatisfied dependency; all {@code @ApplicationScoped}, which is what {@link LatchkeyExtension} observes. A
     * producer whose kind or store cannot be loaded cannot be loaded itself (its methods name them).
     */
    static final List<String> CHECKED = List.of(
            "dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism",
            "dev.latchkey.auth.jwt.JwtProducers",
            "dev.latchkey.auth.apikey.ApiKeyProducers",
            "dev.latchkey.auth.basic.BasicProducers",
            "dev.latchkey.auth.cert.ClientCertificateProducers");

    private LoadableBeans() {
    }

    /**
     * One failure per class of {@link #CHECKED} that CDI did not discover, with the reason it cannot be loaded when
     * that is the cause (loading, linking and reading its members, as a CDI implementation does); empty when all were.
     *
     * @param discovered the names of the classes CDI processed ({@code ProcessAnnotatedType})
     */
    public static List<LoadFailure> check(ClassLoader loader, Set<String> discovered) {
        List<LoadFailure> failures = new ArrayList<>();
        for (String name : CHECKED) {
            if (!discovered.contains(name)) {
                failures.add(new LoadFailure(name, loadError(loader, name)));
            }
        }
        return failures;
    }

    private static Throwable loadError(ClassLoader loader, String name) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            type.getDeclaredFields();
            type.getDeclaredMethods();
            type.getDeclaredConstructors();
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return e;
        }
    }

    /** A class CDI did not discover, and why it cannot be loaded ({@code null} when it can). */
    public record LoadFailure(String className, Throwable cause) {

        public String message() {
            return cause == null
                    ? "Latchkey bean class " + className + " was not discovered by CDI; keep auth-jakarta's "
                    + "META-INF/beans.xml and do not exclude or veto its classes"
                    : "Latchkey bean class " + className + " cannot be loaded (" + cause
                    + "); a dependency is missing from WEB-INF/lib or hidden by the container";
        }
    }
}
