package dev.latchkey.auth.signature.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretSealerTest {

    private static final byte[] KEK = kek(1);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static byte[] kek(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void whenSealedThenOpensForTheSameKeyIdOnlyAndHidesTheSecret() {
        SecretSealer sealer = new SecretSealer(KEK, List.of());
        String sealed = sealer.seal("ks_a", SECRET);
        assertArrayEquals(SECRET, sealer.unseal("ks_a", sealed));
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(SECRET)));
        assertFalse(sealed.contains(new String(SECRET, StandardCharsets.US_ASCII)));
        assertNotEquals(sealed, sealer.seal("ks_a", SECRET), "a fresh IV per seal");
        assertThrows(IllegalArgumentException.class, () -> sealer.unseal("ks_b", sealed),
                "copied to another key's record it does not open");
    }

    @Test
    void whenTamperedOrUnderAnotherKekThenDoesNotOpen() {
        SecretSealer sealer = new SecretSealer(KEK, List.of());
        String sealed = sealer.seal("ks_a", SECRET);
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThrows(IllegalArgumentException.class, () -> sealer.unseal("ks_a", tampered));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new SecretSealer(kek(2), List.of()).unseal("ks_a", sealed));
        assertTrue(other.getMessage().contains("latchkey.signature.kek.previous"));
        assertThrows(IllegalArgumentException.class, () -> sealer.unseal("ks_a", "v2.x.y"));
    }

    @Test
    void whenKekRotatedThenPreviousKekStillOpensAndNewSealsUseTheCurrent() {
        String old = new SecretSealer(KEK, List.of()).seal("ks_a", SECRET);
        SecretSealer rotated = new SecretSealer(kek(2), List.of(KEK));
        assertArrayEquals(SECRET, rotated.unseal("ks_a", old));
        assertTrue(rotated.seal("ks_a", SECRET).startsWith("v1." + rotated.currentKekId() + "."));
    }

    @Test
    void whenKekIsNotThirtyTwoBytesThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SecretSealer(new byte[16], List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SecretSealer(KEK, List.of(new byte[31])));
    }
}
