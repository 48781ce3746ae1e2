package dev.latchkey.auth.cert;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpiffeIdTest {

    @Test
    void whenValidThenSplitIntoTrustDomainAndPath() {
        SpiffeId id = SpiffeId.parse("spiffe://prod.example/ns/payments/sa/api").orElseThrow();
        assertEquals("prod.example", id.trustDomain());
        assertEquals("/ns/payments/sa/api", id.path());
        assertEquals("spiffe://prod.example/ns/payments/sa/api", id.toString());
        assertEquals("", SpiffeId.parse("spiffe://td_1-x.y").orElseThrow().path());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SPIFFE://prod.example/a", "spiffe:/prod.example/a", "https://prod.example/a", "spiffe://",
            "spiffe:///a", "spiffe://Prod.Example/a", "spiffe://prod.example:8443/a", "spiffe://user@prod.example/a",
            "spiffe://prod.example/a?x=1", "spiffe://prod.example/a#frag", "spiffe://prod.example/a/",
            "spiffe://prod.example//a", "spiffe://prod.example/./a", "spiffe://prod.example/a/..",
            "spiffe://prod.example/a%20b", "spiffe://prod.example/ä"})
    void whenMalformedThenProblemReported(String uri) {
        assertNotNull(SpiffeId.problem(uri), uri);
        assertTrue(SpiffeId.parse(uri).isEmpty());
    }
}
