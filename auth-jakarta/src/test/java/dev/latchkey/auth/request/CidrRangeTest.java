package dev.latchkey.auth.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrRangeTest {

    @Test
    void whenIpv4RangeThenBoundariesMatch() {
        CidrRange r = CidrRange.parse("10.1.0.0/16");
        assertTrue(r.contains("10.1.0.0"));
        assertTrue(r.contains("10.1.255.255"));
        assertFalse(r.contains("10.2.0.0"));
        assertFalse(r.contains("10.0.255.255"));
    }

    @Test
    void whenPrefixNotOnByteBoundaryThenBitsCompared() {
        CidrRange r = CidrRange.parse("192.168.1.64/26");
        assertTrue(r.contains("192.168.1.64"));
        assertTrue(r.contains("192.168.1.127"));
        assertFalse(r.contains("192.168.1.63"));
        assertFalse(r.contains("192.168.1.128"));
    }

    @Test
    void whenZeroPrefixOrSingleHostThenAllOrOne() {
        assertTrue(CidrRange.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertFalse(CidrRange.parse("0.0.0.0/0").contains("::1"), "an IPv4 range never matches IPv6");
        CidrRange host = CidrRange.parse("127.0.0.1");
        assertEquals(32, host.prefixLength());
        assertTrue(host.contains("127.0.0.1"));
        assertFalse(host.contains("127.0.0.2"));
    }

    @Test
    void whenHostBitsSetThenMasked() {
        assertTrue(CidrRange.parse("10.9.9.9/8").contains("10.200.0.1"));
    }

    @Test
    void whenIpv6ThenMatchedIncludingCompressedAndZoneForms() {
        CidrRange r = CidrRange.parse("2001:db8::/32");
        assertTrue(r.contains("2001:db8::1"));
        assertTrue(r.contains("2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertTrue(r.contains("[2001:db8::1]"));
        assertFalse(r.contains("2001:db9::1"));
        assertFalse(r.contains("10.0.0.1"));
        assertTrue(CidrRange.parse("::1/128").contains("0:0:0:0:0:0:0:1"));
        assertTrue(CidrRange.parse("fe80::/10").contains("fe80::1%eth0"));
        assertTrue(CidrRange.parse("fe80::/10").contains("febf::1"));
        assertFalse(CidrRange.parse("fe80::/10").contains("fec0::1"));
    }

    @Test
    void whenIpv4MappedIpv6ThenMatchesIpv4Range() {
        assertTrue(CidrRange.parse("10.0.0.0/8").contains("::ffff:10.1.2.3"));
    }

    @Test
    void whenNotALiteralThenRefusedWithoutDns() {
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("localhost/8"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("::/129"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("256.0.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("10.0.0.0/-1"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse(""));
        assertFalse(CidrRange.parse("10.0.0.0/8").contains("example.com"));
        assertFalse(CidrRange.parse("10.0.0.0/8").contains((String) null));
    }

    @Test
    void whenACanonicalDottedQuadThenItsBytesAreReadDirectly() {
        assertArrayEquals(new byte[]{(byte) 192, 0, 2, 1}, CidrRange.canonicalIpv4("192.0.2.1"));
        assertArrayEquals(new byte[]{0, 0, 0, 0}, CidrRange.canonicalIpv4("0.0.0.0"));
        assertArrayEquals(new byte[]{-1, -1, -1, -1}, CidrRange.canonicalIpv4("255.255.255.255"));
        assertEquals("198.51.100.27", CidrRange.parseAddress("198.51.100.27").orElseThrow().getHostAddress());
    }

    @Test
    void whenNotACanonicalDottedQuadThenTheGeneralRulesJudgeIt() {
        for (String other : new String[]{"010.0.0.1", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4 ", "1..2.3",
                "1.2.3.", "", "1.2.3.1000", "::1", "a.b.c.d"}) {
            assertNull(CidrRange.canonicalIpv4(other), other);
        }
        assertEquals("192.0.2.1", CidrRange.parseAddress(" 192.0.2.1 ").orElseThrow().getHostAddress());
        assertTrue(CidrRange.parseAddress("256.1.1.1").isEmpty());
        assertTrue(CidrRange.parseAddress("1.2.3").isEmpty());
    }
}
