package dev.latchkey.auth.signature.digest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a request whose signature does not cover its content: reports the end at once when there is none, and
 * throws {@link UncoveredContentException} on the first byte there is, without handing it over.
 */
final class NoContentInputStream extends ServletInputStream {

    private final ServletRequest request;
    private InputStream in;
    private boolean ended;

    /** @param request the container's request, whose stream is opened on the first read */
    NoContentInputStream(ServletRequest request) {
        this.request = request;
    }

    @Override
    public int read() throws IOException {
        if (ended) {
            return -1;
        }
        if (in == null) {
            in = request.getInputStream();
        }
        if (in.read() < 0) {
            ended = true;
            return -1;
        }
        throw new UncoveredContentException();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return read() < 0 ? -1 : 0;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean isFinished() {
        return ended;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        try {
            if (read() < 0) {
                listener.onAllDataRead();
            }
        } catch (IOException e) {
            listener.onError(e);
        }
    }
}
