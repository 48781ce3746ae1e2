package dev.latchkey.auth.jwt.keys;

import dev.latchkey.auth.config.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where key material is read from, as MicroProfile JWT 2.1 defines {@code mp.jwt.verify.publickey.location} (and, by
 * reference, {@code mp.jwt.decrypt.key.location}):
 * <ul>
 *   <li>{@code http:} / {@code https:} URL: fetched over HTTP GET ({@link #remote()});</li>
 *   <li>{@code file:} URL: a file;</li>
 *   <li>{@code classpath:} prefix (Latchkey and SmallRye JWT): a class-path resource;</li>
 *   <li>anything else without a scheme: {@code new File(location)} first, then a resource of the thread context class
 *   loader, a leading {@code /} ignored (so {@code /publicKey.pem} finds a resource at the archive root).</li>
 * </ul>
 * Other URL schemes are refused at start-up (they would let configuration reach arbitrary protocol handlers).
 *
 * <p>The class loader is captured when the location is created (at deployment, on the application's thread), so a
 * later lazy read finds the same application's resources whichever thread performs it.
 */
public final class KeyLocation {

    private final String property;
    private final String location;
    private final URL url;
    private final Path file;
    private final ClassLoader loader;

    private KeyLocation(String property, String location, URL url, Path file, ClassLoader loader) {
        this.property = property;
        this.location = location;
        this.url = url;
        this.file = file;
        this.loader = loader;
    }

    /**
     * @throws ConfigurationException naming {@code property} when the location has an unsupported form, including a
     *                                {@code file:} URL that names no local path (e.g. with a host)
     */
    public static KeyLocation of(String property, String location) {
        Objects.requireNonNull(location, "location");
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        URL url = null;
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
            try {
                url = URI.create(location).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                throw new ConfigurationException(property, "not a valid URL");
            }
        } else if (!lower.startsWith("classpath:") && location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")
                && !location.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new ConfigurationException(property, "unsupported location scheme: use http(s):, file:,"
                    + " classpath: or a path");
        }
        Path file = null;
        if (url != null && "file".equalsIgnoreCase(url.getProtocol())) {
            try {
                file = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw new ConfigurationException(property, "not a local file: URL (use file:/absolute/path)");
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new KeyLocation(property, location, url, file,
                loader != null ? loader : KeyLocation.class.getClassLoader());
    }

    public String property() {
        return property;
    }

    /** The configured location, for log lines (a location is not a secret). */
    public String location() {
        return location;
    }

    /** Whether this is an {@code http(s)} URL. */
    public boolean remote() {
        return url != null && !"file".equalsIgnoreCase(url.getProtocol());
    }

    /** The {@code http(s)} URL of a remote location. */
    public URL url() {
        if (!remote()) {
            throw new IllegalStateException("not a remote location");
        }
        return url;
    }

    /**
     * Reads a local location.
     *
     * @return the text, or empty when nothing is there (yet)
     * @throws UncheckedIOException when it exists but cannot be read
     */
    public Optional<String> readLocal() {
        if (remote()) {
            throw new IllegalStateException("remote location");
        }
        try {
            if (file != null) {
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                        : Optional.empty();
            }
            if (location.regionMatches(true, 0, "classpath:", 0, 10)) {
                return resource(location.substring(10));
            }
            Path path = pathOrNull(location);
            if (path != null && Files.isRegularFile(path)) {
                return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
            }
            return resource(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + property + " location '" + location + "'", e);
        }
    }

    private static Path pathOrNull(String location) {
        try {
            return Path.of(location);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Optional<String> resource(String name) throws IOException {
        String n = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = loader.getResourceAsStream(n)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return property + "=" + location;
    }
}
