package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.ByteSequence;
import dev.latchkey.auth.request.sfv.Dictionary;
import dev.latchkey.auth.request.sfv.InnerList;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.StructuredFieldException;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates the signature base of RFC 9421 §2.5 for a request: one line {@code "name";params: value} per covered
 * component, in the order given, then the {@code "@signature-params"} line. Derived components are those of §2.2 that
 * apply to requests ({@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @request-target}, {@code @path}, {@code @query}, {@code @query-param}); fields take the {@code sf},
 * {@code key} and {@code bs} parameters (§2.1.1-§2.1.3). Requests have no related request and Latchkey reads no
 * trailers, so {@code req} and {@code tr} produce an error, as does every other parameter (§2.5 step 2.4).
 */
public final class SignatureBase {

    /** Field names are tokens (RFC 9110 §5.1), lowercase in component names (RFC 9421 §2.1). */
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern OBS_FOLD = Pattern.compile("\\r?\\n[ \\t]+");
    private static final Set<String> FIELD_PARAMETERS = Set.of("sf", "key", "bs");

    private final RequestComponents request;
    private final StructuredFieldTypes types;

    public SignatureBase(RequestComponents request, StructuredFieldTypes types) {
        this.request = request;
        this.types = types;
    }

    /**
     * The signature base as bytes (ASCII).
     *
     * @param covered          the covered components, in order
     * @param signatureParams  the covered components with the signature parameters, as in {@code Signature-Input}
     * @throws SignatureBaseException when a component cannot be resolved (RFC 9421 §2.5)
     */
    public byte[] build(List<ComponentIdentifier> covered, InnerList signatureParams) throws SignatureBaseException {
        StringBuilder base = new StringBuilder();
        List<ComponentIdentifier> seen = new ArrayList<>();
        for (ComponentIdentifier id : covered) {
            if (seen.stream().anyMatch(id::sameComponent)) {
                throw new SignatureBaseException("component " + id + " is covered twice");
            }
            seen.add(id);
            String value = id.derived() ? derived(id) : field(id);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new SignatureBaseException("component " + id + " has a line break");
            }
            base.append(id.serialize()).append(": ").append(value).append('\n');
        }
        base.append("\"@signature-params\": ").append(StructuredFields.serialize(signatureParams));
        for (int i = 0; i < base.length(); i++) {
            if (base.charAt(i) > 0x7E || (base.charAt(i) < 0x20 && base.charAt(i) != '\n' && base.charAt(i) != '\t')) {
                throw new SignatureBaseException("the signature base would hold a non-ASCII or control character");
            }
        }
        return base.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 9421 §2.2. */
    private String derived(ComponentIdentifier id) throws SignatureBaseException {
        Set<String> params = id.parameters().keys();
        boolean queryParam = "@query-param".equals(id.name());
        if (!(queryParam ? Set.of("name") : Set.of()).containsAll(params)) {
            throw new SignatureBaseException("component " + id + " has a parameter that does not apply");
        }
        return switch (id.name()) {
            case "@method" -> request.method();
            case "@target-uri" -> request.scheme() + "://" + request.authority() + requestTarget();
            case "@authority" -> request.authority();
            case "@scheme" -> request.scheme();
            case "@request-target" -> requestTarget();
            case "@path" -> request.path();
            case "@query" -> "?" + request.query().orElse("");
            case "@query-param" -> queryParam(id);
            case "@status" -> throw new SignatureBaseException("@status does not apply to a request");
            default -> throw new SignatureBaseException("unknown derived component " + id);
        };
    }

    private String requestTarget() {
        return request.path() + request.query().map(q -> "?" + q).orElse("");
    }

    /** RFC 9421 §2.2.8: exactly one parameter of that (encoded) name; its value re-encoded. */
    private String queryParam(ComponentIdentifier id) throws SignatureBaseException {
        if (!(id.parameters().get("name").orElse(null) instanceof String name)) {
            throw new SignatureBaseException("component " + id + " needs a string name parameter");
        }
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> pair : FormUrlEncoding.parse(request.query().orElse(""))) {
            if (FormUrlEncoding.encode(pair.getKey()).equals(name)) {
                values.add(pair.getValue());
            }
        }
        if (values.size() != 1) {
            throw new SignatureBaseException("query parameter " + id + (values.isEmpty() ? " is absent"
                    : " occurs more than once"));
        }
        return FormUrlEncoding.encode(values.get(0));
    }

    /** RFC 9421 §2.1. */
    private String field(ComponentIdentifier id) throws SignatureBaseException {
        if (!FIELD_NAME.matcher(id.name()).matches()) {
            throw new SignatureBaseException("component " + id + " is not a lowercase field name");
        }
        Set<String> params = id.parameters().keys();
        if (!FIELD_PARAMETERS.containsAll(params)) {
            throw new SignatureBaseException("component " + id + " has an unsupported parameter (only sf, key, bs)");
        }
        if (params.contains("bs") && (params.contains("sf") || params.contains("key"))) {
            throw new SignatureBaseException("component " + id + " combines bs with sf or key");
        }
        List<String> lines = request.fieldLines(id.name());
        if (lines.isEmpty()) {
            throw new SignatureBaseException("covered field " + id.name() + " is absent");
        }
        List<String> cleaned = lines.stream().map(l -> OBS_FOLD.matcher(l.strip()).replaceAll(" ")).toList();
        if (params.contains("bs")) {
            return StructuredFields.serialize(cleaned.stream()
                    .map(l -> (Member) Item.of(ByteSequence.of(l.getBytes(StandardCharsets.ISO_8859_1)))).toList());
        }
        try {
            if (params.contains("key")) {
                return dictionaryMember(id, cleaned);
            }
            if (params.contains("sf")) {
                return strict(id, cleaned);
            }
        } catch (StructuredFieldException e) {
            throw new SignatureBaseException("covered field " + id.name() + " is not a valid structured field");
        }
        return String.join(", ", cleaned);
    }

    /** RFC 9421 §2.1.2: one member, serialized strictly. */
    private static String dictionaryMember(ComponentIdentifier id, List<String> lines) throws SignatureBaseException {
        if (!(id.parameters().get("key").orElse(null) instanceof String key)) {
            throw new SignatureBaseException("component " + id + " needs a string key parameter");
        }
        Dictionary dictionary = StructuredFields.parseDictionary(lines);
        Member member = dictionary.get(key).orElseThrow(
                () -> new SignatureBaseException("covered dictionary member " + id + " is absent"));
        return StructuredFields.serialize(member);
    }

    /** RFC 9421 §2.1.1: the whole field, serialized strictly as its known type. */
    private String strict(ComponentIdentifier id, List<String> lines) throws SignatureBaseException {
        StructuredFieldTypes.Type type = types.typeOf(id.name()).orElseThrow(() -> new SignatureBaseException(
                "component " + id + ": the type of field " + id.name() + " is not known"));
        return switch (type) {
            case LIST -> StructuredFields.serialize(StructuredFields.parseList(lines));
            case DICTIONARY -> StructuredFields.serialize(StructuredFields.parseDictionary(lines));
            case ITEM -> StructuredFields.serialize(StructuredFields.parseItem(lines));
        };
    }
}
