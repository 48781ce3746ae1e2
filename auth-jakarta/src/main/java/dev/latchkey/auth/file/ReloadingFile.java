package dev.latchkey.auth.file;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file read once per version: {@link #get()} returns the parsed content and re-reads the file only
 * when its {@link FileStamp} changed. A version that cannot be read or parsed is reported once and not retried until
 * the file changes again; meanwhile the last good content stays in force. A version whose stamp changed while it was
 * being parsed (an in-place write in progress, which may still parse, e.g. a CRL file cut after its first CRL) is not
 * accepted: the call answers with the last good content and the next call reads the file again. Used for the Basic
 * users file and the CRL.
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
        if (stamp == MISSING && whenMissing != null) {
            LOG.log(Level.WARNING, "{0} {1} does not exist", what, file.toAbsolutePath());
            next = new State<>(stamp, whenMissing, null);
            state = next;
            return next;
        }
        try {
            T parsed = Objects.requireNonNull(parser.parse(file));
            if (!stamp.equals(stamp())) {
                return changing(seen); // torn read: not accepted, the next call reads the file again
            }
            next = new State<>(stamp, parsed, null);
            LOG.log(Level.INFO, "loaded {0} {1}", what, file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            if (!stamp.equals(stamp())) {
                return changing(seen);
            }
            String problem = e instanceof NoSuchFileException ? "it does not exist" : e.getMessage();
            LOG.log(seen.content() == null ? Level.ERROR : Level.WARNING, "cannot load {0} {1}{2}: {3}", what,
                    file.toAbsolutePath(), seen.content() == null ? "" : ", keeping the last good version", problem);
            next = new State<>(stamp, seen.content(), problem);
        }
        state = next;
        return next;
    }

    /** The answer while the file changes under the parser; {@link #state} is left as it was. */
    private State<T> changing(State<T> seen) {
        LOG.log(Level.DEBUG, "{0} {1} changed while being read; reading it again on next use", what,
                file.toAbsolutePath());
        return new State<>(seen.seen(), seen.content(), "it changed while being read");
    }

    private FileStamp stamp() {
        try {
            return FileStamp.of(file).orElse(MISSING);
        } catch (IOException e) {
            return UNREADABLE; // parsing reports the real cause, once per change
        }
    }
}
