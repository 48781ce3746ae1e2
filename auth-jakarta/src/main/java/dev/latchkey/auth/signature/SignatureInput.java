package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.InnerList;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.Parameters;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One member of {@code Signature-Input} (RFC 9421 §4.1): the covered components and the signature parameters of §2.3
 * ({@code created}, {@code expires}, {@code nonce}, {@code alg}, {@code keyid}, {@code tag}) under a label. Other
 * parameters are kept (they are part of {@code @signature-params}) but mean nothing to Latchkey.
 *
 * @param label      the signature's label (a dictionary key)
 * @param components the covered components, in order
 * @param value      the member as received: its strict serialization is the {@code @signature-params} value
 */
public record SignatureInput(String label, List<ComponentIdentifier> components, InnerList value) {

    public SignatureInput {
        components = List.copyOf(components);
    }

    /**
     * @throws MalformedSignatureException when the member is not an inner list of strings, or a signature parameter has
     *                                     the wrong type (RFC 9421 §2.3)
     */
    public static SignatureInput parse(String label, Member member) throws MalformedSignatureException {
        if (!(member instanceof InnerList list)) {
            throw new MalformedSignatureException("Signature-Input " + label + " is not an inner list");
        }
        List<ComponentIdentifier> components = new ArrayList<>();
        for (Item item : list.items()) {
            if (!(item.value() instanceof String name) || name.isEmpty()) {
                throw new MalformedSignatureException("Signature-Input " + label + " covers a non-string component");
            }
            if ("@signature-params".equals(name)) {
                throw new MalformedSignatureException("Signature-Input " + label + " covers @signature-params");
            }
            components.add(new ComponentIdentifier(name, item.parameters()));
        }
        Parameters p = list.parameters();
        for (String integer : List.of("created", "expires")) {
            if (p.contains(integer) && !(p.get(integer).get() instanceof Long)) {
                throw new MalformedSignatureException("Signature-Input " + label + ": " + integer
                        + " must be an integer");
            }
        }
        for (String string : List.of("nonce", "alg", "keyid", "tag")) {
            if (p.contains(string) && !(p.get(string).get() instanceof String)) {
                throw new MalformedSignatureException("Signature-Input " + label + ": " + string + " must be a string");
            }
        }
        return new SignatureInput(label, components, list);
    }

    public OptionalLong created() {
        return longParameter("created");
    }

    public OptionalLong expires() {
        return longParameter("expires");
    }

    public Optional<String> nonce() {
        return stringParameter("nonce");
    }

    public Optional<String> alg() {
        return stringParameter("alg");
    }

    public Optional<String> keyId() {
        return stringParameter("keyid");
    }

    public Optional<String> tag() {
        return stringParameter("tag");
    }

    /** The {@code @signature-params} value (RFC 9421 §2.3): the member, serialized strictly. */
    public String signatureParams() {
        return StructuredFields.serialize(value);
    }

    private OptionalLong longParameter(String name) {
        return value.parameters().get(name).map(v -> OptionalLong.of((Long) v)).orElse(OptionalLong.empty());
    }

    private Optional<String> stringParameter(String name) {
        return value.parameters().get(name).map(v -> (String) v);
    }
}
