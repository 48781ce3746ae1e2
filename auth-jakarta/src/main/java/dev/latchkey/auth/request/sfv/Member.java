package dev.latchkey.auth.request.sfv;

/** A member of a List or a Dictionary (RFC 8941 §3.1, §3.2): an {@link Item} or an {@link InnerList}. */
public sealed interface Member permits Item, InnerList {

    Parameters parameters();
}
