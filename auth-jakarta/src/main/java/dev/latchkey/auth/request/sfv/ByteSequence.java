package dev.latchkey.auth.request.sfv;

import java.util.Arrays;
import java.util.Base64;

/** A Byte Sequence (RFC 8941 §3.3.5): arbitrary bytes, serialized as {@code :base64:}. Holds a private copy. */
public final class ByteSequence {

    private final byte[] bytes;

    private ByteSequence(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteSequence of(byte[] bytes) {
        return new ByteSequence(bytes.clone());
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteSequence other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The serialized form, {@code :base64:}. */
    @Override
    public String toString() {
        return ":" + Base64.getEncoder().encodeToString(bytes) + ":";
    }
}
