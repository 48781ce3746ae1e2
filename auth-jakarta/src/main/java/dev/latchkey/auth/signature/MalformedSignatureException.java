package dev.latchkey.auth.signature;

/**
 * {@code Signature-Input} or {@code Signature} is not what RFC 9421 §4 defines: not a valid dictionary, a member of
 * the wrong type, a label in one field only or repeated. The caller's fault, answered with 400; the message names
 * labels and parameters, never a signature value.
 */
public class MalformedSignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedSignatureException(String message) {
        super(message, null, false, false);
    }
}
