package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.Dictionary;
import dev.latchkey.auth.request.sfv.InnerList;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.Parameters;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code Accept-Signature} field (RFC 9421 §5.1) a 401 carries: the label, the components the next request's
 * signature must cover, and {@code created} and {@code tag} when required, so that a client can tell what to sign. It
 * names no key (the server does not say which keys it trusts, RFC 9421 §8.3) and no nonce: nonces are the client's,
 * single-use (RFC 9421 §7.2.2).
 */
public final class AcceptSignature {

    public static final String FIELD = "Accept-Signature";

    private AcceptSignature() {
    }

    /** @param withContent whether the request has content (then {@code content-digest} is asked for when required) */
    public static String render(SignatureSettings settings, boolean withContent) {
        List<Item> components = new ArrayList<>();
        for (String name : required(settings, withContent)) {
            components.add(Item.of(name));
        }
        Parameters params = Parameters.EMPTY;
        if (settings.requireCreated()) {
            params = params.with("created", true);
        }
        if (settings.tag().isPresent()) {
            params = params.with("tag", settings.tag().get());
        }
        return StructuredFields.serialize(Dictionary.of(Map.<String, Member>of(settings.acceptLabel(),
                new InnerList(components, params))));
    }

    /** The components a signature must cover: the configured ones, and {@code content-digest} for content. */
    static List<String> required(SignatureSettings settings, boolean withContent) {
        List<String> names = new ArrayList<>(settings.requiredComponents());
        if (withContent && settings.requireContentDigest() && !names.contains("content-digest")) {
            names.add("content-digest");
        }
        return names;
    }
}
