package dev.latchkey.jaxrs;

/** Skips CDI client and subclass proxies (Weld {@code $$}, synthetic classes) to reach the annotated class. */
final class Proxies {

    private Proxies() {
    }

    static Class<?> unwrap(Class<?> type) {
        Class<?> current = type;
        while (current.getSuperclass() != null && current.getSuperclass() != Object.class
                && (current.isSynthetic() || current.getName().contains("$$"))) {
            current = current.getSuperclass();
        }
        return current;
    }
}
