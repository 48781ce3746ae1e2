package dev.latchkey.auth.basic;

import java.text.Normalizer;

/**
 * The one comparison of user names: the users file's lookups and the {@link LoginThrottle}'s counters both use
 * {@link #normalize}, so that two spellings the store takes for one user are one user for the throttle too (an
 * attacker cannot get fresh counters by spelling the victim's name differently).
 *
 * <p>Unicode Normalization Form C, the enforcement rule of the PRECIS UsernameCasePreserved profile (RFC 8265 §3.4.3,
 * step 2): a composed and a decomposed "é" are the same user; case is preserved (and significant).
 */
public final class Usernames {

    private Usernames() {
    }

    public static String normalize(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFC);
    }
}
