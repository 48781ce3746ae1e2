package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.inject.spi.InjectionPoint;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;

import java.lang.annotation.Annotation;
import java.util.Optional;

/** The claim a {@link Claim} qualifier names. */
public final class ClaimNames {

    private ClaimNames() {
    }

    /**
     * {@code value}, else {@code standard}. MicroProfile JWT 2.1, "Injection of JsonWebToken claims": inconsistent
     * non-default values of both elements are a deployment error, so they are refused here.
     *
     * @throws IllegalArgumentException when both name different claims, or neither names one
     */
    public static String of(Claim claim) {
        String value = claim.value();
        Claims standard = claim.standard();
        if (!value.isEmpty() && standard != Claims.UNKNOWN && !value.equals(standard.name())) {
            throw new IllegalArgumentException("@Claim(value=\"" + value + "\", standard=" + standard.name()
                    + ") names two different claims");
        }
        if (!value.isEmpty()) {
            return value;
        }
        if (standard == Claims.UNKNOWN) {
            throw new IllegalArgumentException("@Claim names no claim: set value or standard");
        }
        return standard.name();
    }

    /** The {@code @Claim} qualifier of an injection point (also of an {@code Instance.get()} lookup), if any. */
    public static Optional<Claim> qualifier(InjectionPoint ip) {
        for (Annotation q : ip.getQualifiers()) {
            if (q instanceof Claim claim) {
                return Optional.of(claim);
            }
        }
        return ip.getAnnotated() == null ? Optional.empty()
                : Optional.ofNullable(ip.getAnnotated().getAnnotation(Claim.class));
    }
}
