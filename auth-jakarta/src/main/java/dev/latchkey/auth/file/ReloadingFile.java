package dev.latchkey.auth.file;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file read once per version: {@link #get()} returns the parsed content and re-reads the file only
 * when its {@link FileStamp} changed. A version that cannot be read or parsed is reported once and not retried until
 * the file changes again; meanwhile the last good content stays in force. Used for the Basic users file and the CRL.
 *
 * @param <T> the parsed content
 */
public final class ReloadingFile<T> {

    /** Parses one version of the file. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Path file) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(ReloadingFile.class.getName());
    private static final FileStamp MISSING = new FileStamp(Long.MIN_VALUE, -1, null);
    private static final FileStamp UNREADABLE = new FileStamp(Long.MIN_VALUE, -2, null);

    private final Path file;
    private final String what;
    private final Parser<T> parser;
    private final T whenMissing;
    private volatile State<T> state = new State<>(null, null, null);

    /** @param content the last good content, null when none; @param problem why the seen version is unusable */
    private record State<T>(FileStamp seen, T content, String problem) {
    }

    /**
     * @param what        how log lines name the file, e.g. {@code "users file"}
     * @param whenMissing the content of a file that does not exist, or {@code null} when a missing file is an error
     */
    public ReloadingFile(Path file, String what, Parser<T> parser, T whenMissing) {
        this.file = Objects.requireNonNull(file);
        this.what = Objects.requireNonNull(what);
        this.parser = Objects.requireNonNull(parser);
        this.whenMissing = whenMissing;
    }

    public Path path() {
        return file;
    }

    /**
     * @return the content of the current version, or the last good content when the current one is unusable
     * @throws IOException when no version was ever usable (the message says why, without the file's content)
     */
    public T get() throws IOException {
        State<T> s = state;
        FileStamp stamp = stamp();
        if (!stamp.equals(s.seen())) {
            s = reload(s, stamp);
        }
        if (s.content() == null) {
            throw new IOException(what + " " + file + " is unusable: " + s.problem());
        }
        return s.content();
    }

    private synchronized State<T> reload(State<T> seen, FileStamp stamp) {
        if (state != seen) {
            return state; // another thread reloaded meanwhile
        }
        State<T> next;
        try {
            if (stamp == MISSING && whenMissing != null) {
                LOG.log(Level.WARNING, "{0} {1} does not exist", what, file.toAbsolutePath());
                next = new State<>(stamp, whenMissing, null);
            } else {
                next = new State<>(stamp, Objects.requireNonNull(parser.parse(file)), null);
                LOG.log(Level.INFO, "loaded {0} {1}", what, file.toAbsolutePath());
            }
        } catch (IOException | RuntimeException e) {
            String problem = e instanceof NoSuchFileException ? "it does not exist" : e.getMessage();
            LOG.log(seen.content() == null ? Level.ERROR : Level.WARNING, "cannot load {0} {1}{2}: {3}", what,
                    file.toAbsolutePath(), seen.content() == null ? "" : ", keeping the last good version", problem);
            next = new State<>(stamp, seen.content(), problem);
        }
        state = next;
        return next;
    }

    private FileStamp stamp() {
        try {
            return FileStamp.of(file).orElse(MISSING);
        } catch (IOException e) {
            return UNREADABLE; // parsing reports the real cause, once per change
        }
    }
}
