package dev.latchkey.auth.request.sfv;

/**
 * A field value that is not a valid Structured Field (RFC 8941 §4.2: "fail parsing"), or a value that cannot be
 * serialized (RFC 8941 §4.1: "fail serialization"). The message says what and where, never the whole value; the
 * whole field must then be ignored (RFC 8941 §4.2: a failure discards the entire field).
 */
public class StructuredFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public StructuredFieldException(String message) {
        super(message);
    }
}
