package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimLiteral;
import org.eclipse.microprofile.jwt.Claims;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Type;
import java.util.Set;

/** Test fixture: an injection point of a given type carrying a {@code @Claim} qualifier. */
record FakeInjectionPoint(Type getType, Set<Annotation> getQualifiers) implements InjectionPoint {

    static FakeInjectionPoint claim(String name, Type type) {
        return new FakeInjectionPoint(type, Set.of(new ClaimLiteral(name)));
    }

    static FakeInjectionPoint claim(String name, TypeLiteral<?> type) {
        return claim(name, type.getType());
    }

    /** {@code @Claim(value = value, standard = standard)}, which {@link ClaimLiteral} cannot express. */
    static Claim both(String value, Claims standard) {
        final class Both extends AnnotationLiteral<Claim> implements Claim {
            private static final long serialVersionUID = 1L;

            @Override
            public String value() {
                return value;
            }

            @Override
            public Claims standard() {
                return standard;
            }
        }
        return new Both();
    }

    @Override
    public Bean<?> getBean() {
        return null;
    }

    @Override
    public Member getMember() {
        return null;
    }

    @Override
    public Annotated getAnnotated() {
        return null;
    }

    @Override
    public boolean isDelegate() {
        return false;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
