package dev.latchkey.auth.jwt.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The asymmetric JWS algorithms Latchkey can be configured to accept. {@code none} and the HMAC family are never
 * allowed (RFC 8725 §3.1, §3.2: a verifier must pin the algorithms it accepts and keep symmetric and asymmetric keys
 * apart).
 */
public final class JwtAlgorithms {

    /** Every algorithm that may appear in {@code mp.jwt.verify.publickey.algorithm}. */
    public static final Set<JWSAlgorithm> ALLOWED = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    /** MicroProfile JWT's default is RS256; ES256 is added because most current issuers sign with it. */
    public static final Set<JWSAlgorithm> DEFAULT = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static final Map<String, JWSAlgorithm> BY_NAME =
            ALLOWED.stream().collect(Collectors.toMap(JWSAlgorithm::getName, Function.identity()));

    private JwtAlgorithms() {
    }

    /** Parses a configured list; names are case-sensitive as in RFC 7518 §3.1. */
    public static Set<JWSAlgorithm> parse(String property, List<String> names) {
        if (names.isEmpty()) {
            throw new ConfigurationException(property, "must name at least one algorithm");
        }
        Set<JWSAlgorithm> result = new LinkedHashSet<>();
        for (String name : names) {
            JWSAlgorithm alg = BY_NAME.get(name);
            if (alg == null) {
                throw new ConfigurationException(property, "algorithm '" + name + "' is not allowed; allowed: "
                        + ALLOWED.stream().map(JWSAlgorithm::getName).sorted().toList());
            }
            result.add(alg);
        }
        return Set.copyOf(result);
    }

    public static List<String> names(Set<JWSAlgorithm> algorithms) {
        return algorithms.stream().map(JWSAlgorithm::getName).sorted().toList();
    }
}
