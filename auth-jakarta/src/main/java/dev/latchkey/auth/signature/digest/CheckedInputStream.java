package dev.latchkey.auth.signature.digest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body the application reads after a {@link ContentDigestGate}: the bytes read ahead (already hashed), then, in
 * streaming mode only, the rest of the container's stream, hashed as it passes; the end of the rest is reported only
 * once the digest matched, otherwise the read throws {@link ContentDigestMismatchException}.
 */
final class CheckedInputStream extends ServletInputStream {

    private final byte[] prefix;
    private final InputStream rest;
    private final ContentHasher hasher;
    private final long maxDrain;
    private int position;
    private boolean restEnded;
    private boolean mismatch;

    /**
     * @param rest     the unread remainder, hashed by {@code hasher}, or null when {@code prefix} is all of it
     * @param maxDrain bytes {@link #close()} reads at most to reach the end of an unfinished {@code rest}
     */
    CheckedInputStream(byte[] prefix, InputStream rest, ContentHasher hasher, long maxDrain) {
        this.prefix = prefix;
        this.rest = rest;
        this.hasher = hasher;
        this.maxDrain = maxDrain;
    }

    /**
     * Reads what the application left unread (a JSON reader stops at the closing brace) up to {@code maxDrain} bytes
     * and checks the digest: a mismatch throws {@link ContentDigestMismatchException}, and so does content longer than
     * the drain bound, whose digest cannot be known; the application must not commit what it made of the body then.
     */
    @Override
    public void close() throws IOException {
        if (rest == null || restEnded || mismatch) {
            if (mismatch) {
                throw new ContentDigestMismatchException();
            }
            return;
        }
        position = prefix.length;
        byte[] buffer = new byte[8192];
        long drained = 0;
        while (!restEnded) {
            if (drained > maxDrain) {
                mismatch = true;
                rest.close();
                throw new ContentDigestMismatchException();
            }
            int n = read(buffer, 0, (int) Math.min(buffer.length, maxDrain - drained + 1));
            drained += Math.max(0, n);
        }
        rest.close();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (mismatch) {
            throw new ContentDigestMismatchException();
        }
        if (len == 0) {
            return 0;
        }
        if (position < prefix.length) {
            int n = Math.min(len, prefix.length - position);
            System.arraycopy(prefix, position, b, off, n);
            position += n;
            return n;
        }
        if (rest == null || restEnded) {
            return -1;
        }
        int n = rest.read(b, off, len);
        if (n > 0) {
            hasher.update(b, off, n);
            return n;
        }
        if (n < 0) {
            restEnded = true;
            if (!hasher.matches()) {
                mismatch = true;
                throw new ContentDigestMismatchException();
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return position < prefix.length ? prefix.length - position : 0;
    }

    @Override
    public boolean isFinished() {
        return position >= prefix.length && (rest == null || restEnded);
    }

    @Override
    public boolean isReady() {
        return position < prefix.length || rest == null || restEnded || !(rest instanceof ServletInputStream s)
                || s.isReady();
    }

    /** Non-blocking reads of a fully read body only: the listener is told at once that everything is there. */
    @Override
    public void setReadListener(ReadListener listener) {
        if (rest != null) {
            throw new IllegalStateException("a streamed, digest-checked body is read with blocking reads only");
        }
        try {
            if (!isFinished()) {
                listener.onDataAvailable();
            }
            listener.onAllDataRead();
        } catch (IOException e) {
            listener.onError(e);
        }
    }
}
