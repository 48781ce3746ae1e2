package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.ByteSequence;
import dev.latchkey.auth.request.sfv.Dictionary;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.StructuredFieldException;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Signature-Input} and {@code Signature} fields of a message (RFC 9421 §4.1, §4.2), parsed with
 * {@link StructuredFields}: labels are unique across all lines of each field (a repeated label is refused, not
 * resolved "last one wins"), and each label is in both fields or the message is refused (§4).
 */
public final class SignatureFields {

    public static final String SIGNATURE_INPUT = "signature-input";
    public static final String SIGNATURE = "signature";

    /** One labelled signature: its input and its value. */
    public record Labelled(SignatureInput input, ByteSequence signature) {
    }

    private SignatureFields() {
    }

    /** @return the signatures by label, in {@code Signature-Input} order */
    public static Map<String, Labelled> parse(List<String> inputLines, List<String> signatureLines)
            throws MalformedSignatureException {
        Dictionary inputs = dictionary("Signature-Input", inputLines);
        Dictionary signatures = dictionary("Signature", signatureLines);
        if (!inputs.members().keySet().equals(signatures.members().keySet())) {
            throw new MalformedSignatureException("Signature-Input and Signature do not carry the same labels");
        }
        Map<String, Labelled> out = new LinkedHashMap<>();
        for (Map.Entry<String, Member> e : inputs.members().entrySet()) {
            String label = e.getKey();
            if (!(signatures.members().get(label) instanceof Item item) || !(item.value() instanceof ByteSequence sig)) {
                throw new MalformedSignatureException("Signature " + label + " is not a byte sequence");
            }
            out.put(label, new Labelled(SignatureInput.parse(label, e.getValue()), sig));
        }
        return out;
    }

    private static Dictionary dictionary(String field, List<String> lines) throws MalformedSignatureException {
        Dictionary d;
        try {
            d = StructuredFields.parseDictionary(lines);
        } catch (StructuredFieldException e) {
            throw new MalformedSignatureException(field + " is not a valid dictionary (RFC 8941)");
        }
        if (!d.repeatedKeys().isEmpty()) {
            throw new MalformedSignatureException(field + " repeats label " + d.repeatedKeys().iterator().next());
        }
        if (d.isEmpty()) {
            throw new MalformedSignatureException(field + " is empty");
        }
        return d;
    }
}
