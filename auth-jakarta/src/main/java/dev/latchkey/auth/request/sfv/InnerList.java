package dev.latchkey.auth.request.sfv;

import java.util.List;
import java.util.Objects;

/** An Inner List (RFC 8941 §3.1.1): items in parentheses, with parameters of its own. */
public record InnerList(List<Item> items, Parameters parameters) implements Member {

    public InnerList {
        items = List.copyOf(items);
        Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public String toString() {
        return StructuredFields.serialize(this);
    }
}
