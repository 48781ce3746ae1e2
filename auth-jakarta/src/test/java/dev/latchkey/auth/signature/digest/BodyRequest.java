package dev.latchkey.auth.signature.digest;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;

/** A request with a body, counting the bytes read from it (so tests see how much a gate read ahead). */
final class BodyRequest {

    private final byte[] body;
    private final long contentLength;
    private int read;

    BodyRequest(byte[] body, long contentLength) {
        this.body = body;
        this.contentLength = contentLength;
    }

    /** A request that declares its length. */
    static BodyRequest of(byte[] body) {
        return new BodyRequest(body, body.length);
    }

    /** A chunked request: no declared length. */
    static BodyRequest chunked(byte[] body) {
        return new BodyRequest(body, -1);
    }

    int bytesRead() {
        return read;
    }

    HttpServletRequest build() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() {
                int b = in.read();
                read += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = in.read(b, off, len);
                read += Math.max(0, n);
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInputStream" -> stream;
                    case "getContentLengthLong" -> contentLength;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getQueryString" -> "to=bob&amount=10&amount=20";
                    // what a container would parse from the raw (unchecked) body
                    case "getParameter" -> "from-unchecked-body";
                    case "getParameterMap" -> java.util.Map.of("amount", new String[]{"from-unchecked-body"});
                    case "getParameterValues" -> new String[]{"from-unchecked-body"};
                    case "getParts" -> java.util.List.of();
                    case "toString" -> "BodyRequest";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
