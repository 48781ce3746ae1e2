package dev.latchkey.auth.signature.digest;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentDigestGateTest {

    private static final Set<DigestAlgorithm> BOTH = EnumSet.allOf(DigestAlgorithm.class);
    /** RFC 9421 §7.2.8 and Appendix B.2: the digests of {@code {"hello": "world"}}. */
    private static final String HELLO = "{\"hello\": \"world\"}";
    private static final String HELLO_SHA256 = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";
    private static final String HELLO_SHA512 = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BN"
            + "NyealdVLvRwEmTHWXvJwew==:";

    private static ContentDigest digest(String... lines) throws DigestRejected {
        return ContentDigest.parse(List.of(lines), BOTH);
    }

    private static String sha256Of(byte[] content) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content))
                + ":";
    }

    @Test
    void whenRfcDigestsMatchThenBodyReadableFromMemory() throws Exception {
        byte[] body = HELLO.getBytes(StandardCharsets.UTF_8);
        for (ContentDigest d : List.of(digest(HELLO_SHA256), digest(HELLO_SHA512), digest(HELLO_SHA256 + ", "
                + HELLO_SHA512), digest("md5=:AAAA:, " + HELLO_SHA256))) {
            HttpServletRequest checked = new ContentDigestGate(1024, false).check(BodyRequest.of(body).build(), d);
            assertArrayEquals(body, checked.getInputStream().readAllBytes());
            assertTrue(checked.getInputStream().isFinished());
        }
        HttpServletRequest checked = new ContentDigestGate(1024, false).check(BodyRequest.of(body).build(),
                digest(HELLO_SHA256));
        assertEquals(HELLO, checked.getReader().readLine());
    }

    @Test
    void whenBodySwappedUnderDigestThenMismatchBeforeResource() throws Exception {
        byte[] swapped = "{\"hello\": \"w0rld\"}".getBytes(StandardCharsets.UTF_8);
        DigestRejected e = assertThrows(DigestRejected.class,
                () -> new ContentDigestGate(1024, false).check(BodyRequest.of(swapped).build(), digest(HELLO_SHA256)));
        assertEquals(DigestRejected.Reason.MISMATCH, e.reason());
        // one matching and one wrong digest: every accepted digest present must match
        assertThrows(DigestRejected.class, () -> new ContentDigestGate(1024, false).check(
                BodyRequest.of(HELLO.getBytes(StandardCharsets.UTF_8)).build(),
                digest(HELLO_SHA256 + ", sha-512=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":")));
    }

    @Test
    void whenDeclaredLengthOverLimitThenRefusedWithoutReading() throws Exception {
        BodyRequest big = BodyRequest.of(new byte[2048]);
        DigestRejected e = assertThrows(DigestRejected.class,
                () -> new ContentDigestGate(1024, false).check(big.build(), digest(sha256Of(new byte[2048]))));
        assertEquals(DigestRejected.Reason.TOO_LARGE, e.reason());
        assertEquals(0, big.bytesRead());
    }

    @Test
    void whenChunkedBodyOverLimitThenRefusedAfterLimitPlusOneByte() throws Exception {
        BodyRequest big = BodyRequest.chunked(new byte[100_000]);
        DigestRejected e = assertThrows(DigestRejected.class,
                () -> new ContentDigestGate(1024, false).check(big.build(), digest(sha256Of(new byte[100_000]))));
        assertEquals(DigestRejected.Reason.TOO_LARGE, e.reason());
        assertEquals(1025, big.bytesRead());
    }

    @Test
    void whenStreamingAndDigestMatchesThenWholeBodyAndCleanEnd() throws Exception {
        byte[] body = new byte[10_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        BodyRequest request = BodyRequest.chunked(body);
        HttpServletRequest checked = new ContentDigestGate(1024, true).check(request.build(), digest(sha256Of(body)));
        assertEquals(1025, request.bytesRead(), "only the buffer is read before the resource runs");
        assertArrayEquals(body, checked.getInputStream().readAllBytes());
    }

    @Test
    void whenStreamingAndBodySwappedThenLastReadFails() throws Exception {
        byte[] body = new byte[10_000];
        byte[] claimed = body.clone();
        claimed[9_999] = 1;
        HttpServletRequest checked = new ContentDigestGate(1024, true).check(BodyRequest.chunked(body).build(),
                digest(sha256Of(claimed)));
        InputStream in = checked.getInputStream();
        byte[] buffer = new byte[4096];
        int total = 0;
        IOException failure = null;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (ContentDigestMismatchException e) {
            failure = e;
        }
        assertEquals(10_000, total);
        assertTrue(failure != null, "the end of a mismatching body is never reported as a clean end");
        assertThrows(ContentDigestMismatchException.class, in::read);
    }

    @Test
    void whenStreamingButBodyFitsThenCheckedBeforeResource() throws Exception {
        DigestRejected e = assertThrows(DigestRejected.class, () -> new ContentDigestGate(1024, true)
                .check(BodyRequest.chunked(new byte[10]).build(), digest(sha256Of(new byte[11]))));
        assertEquals(DigestRejected.Reason.MISMATCH, e.reason());
    }

    @Test
    void whenEmptyBodyThenDigestOfEmptyContent() throws Exception {
        HttpServletRequest checked = new ContentDigestGate(1024, false).check(BodyRequest.of(new byte[0]).build(),
                digest(sha256Of(new byte[0])));
        assertEquals(-1, checked.getInputStream().read());
        assertThrows(DigestRejected.class, () -> new ContentDigestGate(1024, false)
                .check(BodyRequest.of(new byte[0]).build(), digest(HELLO_SHA256)));
    }

    @Test
    void whenDigestFieldMissingOrMalformedThenReasonSays() {
        assertEquals(DigestRejected.Reason.MISSING,
                assertThrows(DigestRejected.class, () -> ContentDigest.parse(List.of(), BOTH)).reason());
        for (String bad : List.of("sha-256", "sha-256=abc", "sha-256=:AAAA:", "md5=:AAAA:", "sha-256=(:AAAA:)",
                "sha-256=:" + Base64.getEncoder().encodeToString(new byte[32]) + ":, sha-256=:AAAA:", "{}")) {
            assertEquals(DigestRejected.Reason.MALFORMED,
                    assertThrows(DigestRejected.class, () -> ContentDigest.parse(List.of(bad), BOTH), bad).reason(),
                    bad);
        }
        assertThrows(DigestRejected.class,
                () -> ContentDigest.parse(List.of(HELLO_SHA512), EnumSet.of(DigestAlgorithm.SHA_256)));
    }

    @Test
    void whenWantFieldRenderedThenStrongestPreferred() {
        assertEquals("sha-512=2, sha-256=1", ContentDigest.want(BOTH));
        assertEquals("sha-256=1", ContentDigest.want(EnumSet.of(DigestAlgorithm.SHA_256)));
    }

    @Test
    void whenSignatureDoesNotCoverContentThenFirstByteOfBodyFailsTheRead() throws Exception {
        BodyRequest smuggled = BodyRequest.chunked(HELLO.getBytes(StandardCharsets.UTF_8));
        HttpServletRequest admitted = new ContentDigestGate(1024, false).withoutContent(smuggled.build());
        assertThrows(UncoveredContentException.class, () -> admitted.getInputStream().readAllBytes());
        assertThrows(UncoveredContentException.class, () -> admitted.getReader().readLine());
        HttpServletRequest empty = new ContentDigestGate(1024, false).withoutContent(
                BodyRequest.chunked(new byte[0]).build());
        assertEquals(-1, empty.getInputStream().read());
        assertTrue(empty.getInputStream().isFinished());
    }

    /** Review finding 9: the container never parses unchecked content into parameters or parts. */
    @Test
    void whenTheApplicationAsksForParametersOrPartsThenOnlyTheQueryStringAnswersAndPartsAreRefused() throws Exception {
        byte[] form = "amount=1000000".getBytes(StandardCharsets.UTF_8);
        for (HttpServletRequest admitted : List.of(
                new ContentDigestGate(1024, false).withoutContent(BodyRequest.chunked(form).build()),
                new ContentDigestGate(1024, false).check(BodyRequest.of(form).build(), digest(sha256Of(form))))) {
            assertEquals("10", admitted.getParameter("amount"));
            assertEquals(List.of("10", "20"), List.of(admitted.getParameterValues("amount")));
            assertEquals(Set.of("to", "amount"), admitted.getParameterMap().keySet());
            assertEquals("bob", admitted.getParameter("to"));
            assertEquals(null, admitted.getParameter("from"));
            assertThrows(jakarta.servlet.ServletException.class, admitted::getParts);
            assertThrows(jakarta.servlet.ServletException.class, () -> admitted.getPart("file"));
        }
    }

    @Test
    void whenStreamingReaderStopsEarlyThenCloseDrainsAndFailsOnMismatch() throws Exception {
        byte[] body = new byte[3_000];
        byte[] claimed = body.clone();
        claimed[2_999] = 1;
        HttpServletRequest swapped = new ContentDigestGate(1024, true).check(BodyRequest.chunked(body).build(),
                digest(sha256Of(claimed)));
        InputStream in = swapped.getInputStream();
        in.readNBytes(2_500); // a JSON reader stops at its closing brace
        assertThrows(ContentDigestMismatchException.class, in::close);

        HttpServletRequest intact = new ContentDigestGate(1024, true).check(BodyRequest.chunked(body).build(),
                digest(sha256Of(body)));
        intact.getInputStream().readNBytes(2_500);
        intact.getInputStream().close();
    }

    @Test
    void whenStreamingAndMoreThanTheDrainBoundLeftAtCloseThenFails() throws Exception {
        byte[] body = new byte[10_000];
        HttpServletRequest checked = new ContentDigestGate(1024, true).check(BodyRequest.chunked(body).build(),
                digest(sha256Of(body)));
        checked.getInputStream().readNBytes(2_000);
        assertThrows(ContentDigestMismatchException.class, () -> checked.getInputStream().close(),
                "an unread remainder over the bound cannot be checked");
    }
}
