package dev.latchkey.auth.cdi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The CDI extensions are loaded by every application that carries auth-jakarta, also on servers without the
 * MicroProfile JWT API (a plain Jakarta EE profile): reflecting on them the way a CDI container does must not need it.
 */
class WithoutMpJwtApiTest {

    private static final String[] EXTENSIONS = {"dev.latchkey.auth.cdi.LatchkeyExtension",
            "dev.latchkey.auth.jwt.mp.MpJwtExtension"};

    /** Loads Latchkey's classes itself and hides the MicroProfile JWT API. */
    private static final class WithoutMpJwt extends ClassLoader {

        WithoutMpJwt() {
            super(WithoutMpJwtApiTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.eclipse.microprofile.jwt.") || name.startsWith("org.eclipse.microprofile.auth.")) {
                    throw new ClassNotFoundException(name + " (hidden by the test)");
                }
                if (!name.startsWith("dev.latchkey.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void whenMpJwtApiAbsentThenExtensionsLoadAndReflect() throws Exception {
        ClassLoader loader = new WithoutMpJwt();
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.eclipse.microprofile.auth.LoginConfig"));
        for (String name : EXTENSIONS) {
            Class<?> extension = loader.loadClass(name);
            Object instance = extension.getDeclaredConstructor().newInstance();
            extension.getDeclaredFields();
            for (Method method : extension.getDeclaredMethods()) {
                method.getGenericParameterTypes();
                method.getGenericReturnType();
                for (Annotation[] annotations : method.getParameterAnnotations()) {
                    for (Annotation annotation : annotations) {
                        readMembers(annotation); // a missing class in a member throws TypeNotPresentException
                    }
                }
            }
            if (name.endsWith("MpJwtExtension")) {
                assertEquals(Optional.empty(), extension.getMethod("loginConfig").invoke(instance));
            }
        }
    }

    private static void readMembers(Annotation annotation) throws ReflectiveOperationException {
        for (Method member : annotation.annotationType().getDeclaredMethods()) {
            member.invoke(annotation);
        }
    }
}
