package dev.latchkey.auth.signature.digest;

import dev.latchkey.auth.request.QueryParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request's content against its {@code Content-Digest} (RFC 9530 §2; RFC 9421 §7.2.8: the signature covers
 * the field, so the content must be checked against the field, or the content could be swapped under a valid
 * signature). When the verdict is known decides what the resource can see:
 *
 * <ul>
 *   <li><b>Buffered (default).</b> Up to {@code maxBuffer} bytes are read and hashed <em>before</em> the resource runs;
 *   a mismatch is refused (400) and the resource never sees a byte. The resource then reads the checked bytes from
 *   memory. Content longer than {@code maxBuffer} (by {@code Content-Length}, or found while reading) is refused with
 *   413 without reading further: nothing more than {@code maxBuffer} is ever held.</li>
 *   <li><b>Streaming ({@code latchkey.signature.digest.streaming=true}).</b> For uploads larger than any buffer: the
 *   first {@code maxBuffer} bytes are read ahead and hashed, the rest is hashed as the resource reads it, and the read
 *   that reaches the end throws {@link ContentDigestMismatchException} instead of reporting the end when the digest
 *   does not match. The resource has seen the earlier bytes by then: it must stage them and commit only after a clean
 *   end of stream, so <b>streaming needs handlers that read the body to its end</b>. Closing the stream early (a JSON
 *   reader stops at the closing brace) reads the rest, up to {@code maxBuffer} more bytes, and checks it: a mismatch,
 *   or more left than that, makes {@code close()} throw {@link ContentDigestMismatchException}. Content that fits in
 *   {@code maxBuffer} is still checked before the resource runs.</li>
 * </ul>
 *
 * The request handed on never lets the container parse the client's raw content: {@code getParameter*} answer the
 * query string's parameters only (a form body is read through {@code getInputStream}, checked; JAX-RS
 * {@code @FormParam} reads the entity and is unaffected), and {@code getPart}/{@code getParts} refuse with a
 * {@link ServletException} (multipart content is read from the checked stream). Otherwise, with a signature that does
 * not cover {@code content-digest}, unsigned form fields would reach servlet code.
 */
public final class ContentDigestGate {

    private final int maxBuffer;
    private final boolean streaming;

    /** @param maxBuffer bytes read ahead and held at most; @param streaming whether larger content is streamed */
    public ContentDigestGate(int maxBuffer, boolean streaming) {
        if (maxBuffer < 0) {
            throw new IllegalArgumentException("maxBuffer must not be negative");
        }
        this.maxBuffer = maxBuffer;
        this.streaming = streaming;
    }

    /**
     * Reads ahead and returns the request the resource must be given (its body replaced by the checked one).
     *
     * @throws DigestRejected {@code MISMATCH} or {@code TOO_LARGE}
     * @throws IOException    when the client's content cannot be read (the connection failed)
     */
    public HttpServletRequest check(HttpServletRequest request, ContentDigest expected)
            throws DigestRejected, IOException {
        if (!streaming && request.getContentLengthLong() > maxBuffer) {
            throw tooLarge();
        }
        InputStream in = request.getInputStream();
        byte[] ahead = in.readNBytes(maxBuffer);
        ContentHasher hasher = new ContentHasher(expected);
        hasher.update(ahead, 0, ahead.length);
        int next = ahead.length < maxBuffer ? -1 : in.read();
        if (next < 0) {
            if (!hasher.matches()) {
                throw new DigestRejected(DigestRejected.Reason.MISMATCH,
                        "request content does not match its Content-Digest");
            }
            return new CheckedRequest(request, new CheckedInputStream(ahead, null, hasher, 0));
        }
        if (!streaming) {
            throw tooLarge();
        }
        byte[] prefix = Arrays.copyOf(ahead, ahead.length + 1);
        prefix[ahead.length] = (byte) next;
        hasher.update(prefix, ahead.length, 1);
        return new CheckedRequest(request, new CheckedInputStream(prefix, in, hasher, maxBuffer));
    }

    /**
     * The request to give the resource when the signature does not cover {@code content-digest}: its body reads as
     * empty, and any content (possible in HTTP/2 and HTTP/3 without a declared length) fails the first read with
     * {@link UncoveredContentException} instead of reaching the application unsigned (RFC 9421 §7.2.8).
     */
    public HttpServletRequest withoutContent(HttpServletRequest request) {
        return new CheckedRequest(request, new NoContentInputStream(request));
    }

    private DigestRejected tooLarge() {
        return new DigestRejected(DigestRejected.Reason.TOO_LARGE,
                "signed request content over " + maxBuffer + " bytes is not accepted");
    }

    /** The request with its body replaced; its parameters are the query string's only. */
    private static final class CheckedRequest extends HttpServletRequestWrapper {

        private static final String NO_PARTS = "the parts of a signed request are not parsed by the container: read"
                + " its checked content through getInputStream()";

        private final ServletInputStream body;
        private final Map<String, String[]> parameters;

        CheckedRequest(HttpServletRequest request, ServletInputStream body) {
            super(request);
            this.body = body;
            Map<String, List<String>> byName = new LinkedHashMap<>();
            for (QueryParameters.Parameter p : QueryParameters.of(request)) {
                byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.value());
            }
            Map<String, String[]> values = new LinkedHashMap<>();
            byName.forEach((name, list) -> values.put(name, list.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(values);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Collection<Part> getParts() throws ServletException {
            throw new ServletException(NO_PARTS);
        }

        @Override
        public Part getPart(String name) throws ServletException {
            throw new ServletException(NO_PARTS);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(body, charset));
        }
    }
}
