package dev.latchkey.auth.signature;

import dev.latchkey.auth.spi.ClearableCredential;

import java.util.Optional;

/**
 * A request's HTTP message signature, handed to the identity stores: the request's components (from which the
 * signature base is rebuilt) with its {@code Signature-Input} and {@code Signature} fields. Once a store verified it,
 * the result is kept here ({@link #verified()}) for the content check that follows.
 */
public final class SignatureCredential extends ClearableCredential<RequestComponents> {

    private volatile VerifiedSignature verified;

    public SignatureCredential(RequestComponents request) {
        super(request);
    }

    /** @throws IllegalStateException once cleared */
    public RequestComponents request() {
        RequestComponents r = secret();
        if (r == null) {
            throw new IllegalStateException("credential cleared");
        }
        return r;
    }

    public Optional<VerifiedSignature> verified() {
        return Optional.ofNullable(verified);
    }

    void verified(VerifiedSignature signature) {
        this.verified = signature;
    }
}
