package dev.latchkey.auth.signature;

/**
 * The signature base cannot be built (RFC 9421 §2.5: "produce an error"): an unknown derived component, a covered field
 * the message lacks, an unsupported parameter. The message names the component, never a field's value.
 */
public class SignatureBaseException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureBaseException(String message) {
        super(message, null, false, false);
    }
}
