package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which keys of a set are usable: a per-key rule, then distinct {@code kid}s among the keys the rule accepts (RFC 7517
 * §4.5 asks for distinct kids; two usable keys with one kid are ambiguous, so both are refused). The rule for
 * decryption keys is {@link DecryptionKeys}'s; the rule for verification keys refuses a key that:
 * <ul>
 *   <li>holds private material (a verifier must never be handed a signing key; the whole key is refused rather than
 *   silently reduced to its public part, because its presence means a secret has leaked into configuration);</li>
 *   <li>has {@code use} other than {@code sig} or {@code key_ops} without {@code verify} (RFC 7517 §4.2, §4.3);</li>
 *   <li>names an {@code alg} outside the allowed set (RFC 7517 §4.4);</li>
 *   <li>has a type or curve no allowed algorithm can use: symmetric ({@code oct}) keys always (RFC 8725 §3.2), RSA
 *   below the minimum size (RFC 7518 §3.3), EC curves other than P-256/384/521 matched to ES256/384/512
 *   (RFC 7518 §3.4), OKP curves other than Ed25519 (RFC 8037 §3.1);</li>
 * </ul>
 */
public final class KeyPolicy {

    private final Function<JWK, Optional<String>> rule;

    /** The policy for verification keys. */
    public KeyPolicy(Set<JWSAlgorithm> algorithms, int minRsaBits) {
        Set<JWSAlgorithm> allowed = Set.copyOf(algorithms);
        this.rule = key -> verificationProblem(key, allowed, minRsaBits);
    }

    /** @param rule why a key is unusable, or empty */
    KeyPolicy(Function<JWK, Optional<String>> rule) {
        this.rule = rule;
    }

    /** A refused key and why; the {@code kid} (or "(no kid)") identifies it in logs. */
    public record Refusal(String kid, String problem) {
    }

    /** The usable keys of {@code keys}, and the refusals. */
    public record Result(List<JWK> usable, List<Refusal> refused) {
    }

    public Result filter(List<JWK> keys) {
        List<JWK> candidates = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (JWK key : keys) {
            Optional<String> problem = rule.apply(key);
            if (problem.isPresent()) {
                refused.add(new Refusal(kid(key), problem.get()));
            } else {
                candidates.add(key);
            }
        }
        Map<String, Integer> kidCount = new HashMap<>();
        candidates.forEach(k -> {
            if (k.getKeyID() != null) {
                kidCount.merge(k.getKeyID(), 1, Integer::sum);
            }
        });
        List<JWK> usable = new ArrayList<>();
        for (JWK key : candidates) {
            if (key.getKeyID() != null && kidCount.get(key.getKeyID()) > 1) {
                refused.add(new Refusal(kid(key), "duplicate kid in the key set"));
            } else {
                usable.add(key);
            }
        }
        return new Result(List.copyOf(usable), List.copyOf(refused));
    }

    /**
     * The keys of {@code set}, all of which must be usable: a configured key that is not is a mistake.
     *
     * @throws IllegalArgumentException naming each refused key's {@code kid} and problem, never key material
     */
    public JWKSet requireUsable(JWKSet set) {
        Result result = filter(set.getKeys());
        if (!result.refused().isEmpty()) {
            throw new IllegalArgumentException("unusable key(s): " + result.refused().stream()
                    .map(r -> r.kid() + ": " + r.problem()).collect(Collectors.joining("; ")));
        }
        return new JWKSet(result.usable());
    }

    /** Why {@code key} is unusable, or empty. */
    public Optional<String> problem(JWK key) {
        return rule.apply(key);
    }

    private static Optional<String> verificationProblem(JWK key, Set<JWSAlgorithm> algorithms, int minRsaBits) {
        if (KeyType.OCT.equals(key.getKeyType())) {
            return Optional.of("symmetric (oct) keys are never accepted");
        }
        if (key.isPrivate()) {
            return Optional.of("private key material supplied where a public key is expected");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return Optional.of("use is not 'sig'");
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return Optional.of("key_ops does not include 'verify'");
        }
        if (key.getAlgorithm() != null && !algorithms.contains(JWSAlgorithm.parse(key.getAlgorithm().getName()))) {
            return Optional.of("alg " + key.getAlgorithm().getName() + " is not allowed");
        }
        KeyType kty = key.getKeyType();
        if (KeyType.RSA.equals(kty)) {
            if (algorithms.stream().noneMatch(a -> JWSAlgorithm.Family.RSA.contains(a))) {
                return Optional.of("RSA keys are not usable with the allowed algorithms");
            }
            int bits = ((RSAKey) key).size();
            return bits < minRsaBits ? Optional.of("RSA key of " + bits + " bits is below the minimum of " + minRsaBits)
                    : Optional.empty();
        }
        if (KeyType.EC.equals(kty)) {
            Curve crv = ((ECKey) key).getCurve();
            JWSAlgorithm needed = Curve.P_256.equals(crv) ? JWSAlgorithm.ES256
                    : Curve.P_384.equals(crv) ? JWSAlgorithm.ES384
                    : Curve.P_521.equals(crv) ? JWSAlgorithm.ES512 : null;
            if (needed == null) {
                return Optional.of("EC curve " + crv + " is not supported");
            }
            return algorithms.contains(needed) ? Optional.empty()
                    : Optional.of("EC curve " + crv + " needs " + needed + ", which is not allowed");
        }
        if (KeyType.OKP.equals(kty)) {
            Curve crv = ((OctetKeyPair) key).getCurve();
            if (!Curve.Ed25519.equals(crv)) {
                return Optional.of("OKP curve " + crv + " is not supported");
            }
            return algorithms.contains(JWSAlgorithm.EdDSA) ? Optional.empty()
                    : Optional.of("Ed25519 keys need EdDSA, which is not allowed");
        }
        return Optional.of("key type " + kty + " is not allowed for signature verification");
    }

    /** The kid for a log line: control characters replaced, length capped (a remote JWKS is untrusted text). */
    static String kid(JWK key) {
        String kid = key.getKeyID();
        if (kid == null) {
            return "(no kid)";
        }
        String safe = kid.codePoints().limit(64)
                .map(c -> c < 0x20 || c > 0x7E ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kid.length() > 64 ? safe + "..." : safe;
    }
}
