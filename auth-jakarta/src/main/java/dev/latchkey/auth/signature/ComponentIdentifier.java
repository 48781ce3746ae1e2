package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Parameters;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.util.Objects;

/**
 * A covered component (RFC 9421 §2): a component name (a lowercase field name, or a derived component name starting
 * with {@code @}) with parameters in the order given. Two identifiers are the same component when the names and the
 * parameter sets are equal, whatever the parameters' order (RFC 9421 §2: {@code "foo";bar;baz} equals
 * {@code "foo";baz;bar}).
 */
public record ComponentIdentifier(String name, Parameters parameters) {

    public ComponentIdentifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }

    public static ComponentIdentifier of(String name) {
        return new ComponentIdentifier(name, Parameters.EMPTY);
    }

    public boolean derived() {
        return name.startsWith("@");
    }

    /** Same name and same parameters, in any order. */
    public boolean sameComponent(ComponentIdentifier other) {
        return name.equals(other.name) && parameters.asMap().equals(other.parameters.asMap());
    }

    public Item toItem() {
        return new Item(name, parameters);
    }

    /** The serialized identifier, e.g. {@code "@query-param";name="id"} (RFC 9421 §2.5 {@code component-identifier}). */
    public String serialize() {
        return StructuredFields.serialize(toItem());
    }

    @Override
    public String toString() {
        return serialize();
    }
}
