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

import dev.latchkey.auth.request.LogSafe;

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
 *   <li>is unsafe, which always fails a configured key set: a symmetric ({@code oct}) key (RFC 8725 §3.2), an RSA
 *   key for an allowed algorithm but below the minimum size (RFC 7518 §3.3), or a key that holds private material (a
 *   verifier must never be handed a signing key; the whole key is refused rather than silently reduced to its public
 *   part, because its presence means a secret has leaked into configuration);</li>
 * </ul>
 * or that is not for an allowed algorithm, which is normal (an identity provider publishes keys for several
 * algorithms and uses) and only skipped, with one warning naming each such key's {@code kid} and {@code alg}; a
 * configured set fails only when no usable key remains:
 * <ul>
 *   <li>has {@code use} other than {@code sig} or {@code key_ops} without {@code verify} (RFC 7517 §4.2, §4.3);</li>
 *   <li>names an {@code alg} outside the allowed set (RFC 7517 §4.4);</li>
 *   <li>has a type or curve no allowed algorithm can use: RSA without an allowed RS/PS algorithm, EC curves other
 *   than P-256/384/521 matched to ES256/384/512 (RFC 7518 §3.4), OKP curves other than Ed25519 (RFC 8037 §3.1).</li>
 * </ul>
 */
public final class KeyPolicy {

    private static final System.Logger LOG = System.getLogger(KeyPolicy.class.getName());

    /** Why a key is refused, and whether that only means it is not for an allowed algorithm (then it is skipped). */
    private record Verdict(String problem, boolean skipped) {
        static Optional<Verdict> unsafe(String problem) {
            return Optional.of(new Verdict(problem, false));
        }

        static Optional<Verdict> notAllowed(String problem) {
            return Optional.of(new Verdict(problem, true));
        }
    }

    private final Function<JWK, Optional<Verdict>> rule;
    private final String allowListProperty;

    private KeyPolicy(Function<JWK, Optional<Verdict>> rule, String allowListProperty) {
        this.rule = rule;
        this.allowListProperty = allowListProperty;
    }

    /** The policy for verification keys allowed by {@code mp.jwt.verify.publickey.algorithm}. */
    public static KeyPolicy verification(Set<JWSAlgorithm> algorithms, int minRsaBits) {
        return verification(algorithms, minRsaBits, "mp.jwt.verify.publickey.algorithm");
    }

    /** @param allowListProperty the property that sets {@code algorithms}, named when no usable key remains */
    public static KeyPolicy verification(Set<JWSAlgorithm> algorithms, int minRsaBits, String allowListProperty) {
        Set<JWSAlgorithm> allowed = Set.copyOf(algorithms);
        return new KeyPolicy(key -> verificationProblem(key, allowed, minRsaBits), allowListProperty);
    }

    /** @param rule why a key is unusable, or empty; every refusal is fatal in a configured set */
    static KeyPolicy of(Function<JWK, Optional<String>> rule) {
        return new KeyPolicy(key -> rule.apply(key).flatMap(Verdict::unsafe), null);
    }

    /**
     * A refused key and why; {@code kid} (or "(no kid)") and {@code alg} (its {@code alg}, else what its type and
     * curve imply) identify it in logs. {@code skipped}: it is only not for an allowed algorithm.
     */
    public record Refusal(String kid, String alg, String problem, boolean skipped) {
        @Override
        public String toString() {
            return "kid '" + kid + "' alg " + alg + ": " + problem;
        }
    }

    /** The usable keys of {@code keys}, and the refusals. */
    public record Result(List<JWK> usable, List<Refusal> refused) {
    }

    public Result filter(List<JWK> keys) {
        List<JWK> candidates = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (JWK key : keys) {
            Optional<Verdict> verdict = rule.apply(key);
            if (verdict.isPresent()) {
                refused.add(new Refusal(kid(key), alg(key), verdict.get().problem(), verdict.get().skipped()));
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
                refused.add(new Refusal(kid(key), alg(key), "duplicate kid in the key set", false));
            } else {
                usable.add(key);
            }
        }
        return new Result(List.copyOf(usable), List.copyOf(refused));
    }

    /**
     * The usable keys of a configured {@code set}. Keys that are only not for an allowed algorithm are skipped with
     * one warning naming each ({@code source}: the property the set comes from); an unsafe key, or a set with no
     * usable key left, is a mistake.
     *
     * @throws IllegalArgumentException naming each refused key's {@code kid}, {@code alg} and problem, never key
     *                                  material
     */
    public JWKSet requireUsable(JWKSet set, String source) {
        Result result = filter(set.getKeys());
        List<Refusal> unsafe = result.refused().stream().filter(r -> !r.skipped()).toList();
        if (!unsafe.isEmpty()) {
            throw new IllegalArgumentException("unusable key(s): " + join(unsafe));
        }
        List<Refusal> skipped = result.refused();
        if (result.usable().isEmpty() && !skipped.isEmpty()) {
            throw new IllegalArgumentException("no usable key: every key is for an algorithm that is not allowed ("
                    + join(skipped) + ")" + (allowListProperty == null ? ""
                    : "; the allowed algorithms are set by " + allowListProperty));
        }
        if (!skipped.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0}: skipped {1} key(s) not for an allowed algorithm, using the "
                    + "other {2}: {3}", source, skipped.size(), result.usable().size(), join(skipped));
        }
        return new JWKSet(result.usable());
    }

    private static String join(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::toString).collect(Collectors.joining("; "));
    }

    /** Why {@code key} is unusable, or empty. */
    public Optional<String> problem(JWK key) {
        return rule.apply(key).map(Verdict::problem);
    }

    private static Optional<Verdict> verificationProblem(JWK key, Set<JWSAlgorithm> algorithms, int minRsaBits) {
        if (KeyType.OCT.equals(key.getKeyType())) {
            return Verdict.unsafe("symmetric (oct) keys are never accepted");
        }
        if (key.isPrivate()) {
            return Verdict.unsafe("private key material supplied where a public key is expected");
        }
        Optional<String> notAllowed = notForAllowedAlgorithm(key, algorithms);
        if (notAllowed.isPresent()) {
            return notAllowed.flatMap(Verdict::notAllowed);
        }
        if (key instanceof RSAKey rsa && rsa.size() < minRsaBits) {
            return Verdict.unsafe("RSA key of " + rsa.size() + " bits is below the minimum of " + minRsaBits);
        }
        return Optional.empty();
    }

    private static Optional<String> notForAllowedAlgorithm(JWK key, Set<JWSAlgorithm> algorithms) {
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
            return algorithms.stream().noneMatch(a -> JWSAlgorithm.Family.RSA.contains(a))
                    ? Optional.of("RSA keys are not usable with the allowed algorithms") : Optional.empty();
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

    /** The key's {@code alg}, else what its type and curve imply ({@code ES256}, {@code EdDSA}, {@code RSA}). */
    static String alg(JWK key) {
        if (key.getAlgorithm() != null) {
            return LogSafe.value(key.getAlgorithm().getName(), 32);
        }
        if (key instanceof ECKey ec) {
            Curve crv = ec.getCurve();
            return Curve.P_256.equals(crv) ? "ES256" : Curve.P_384.equals(crv) ? "ES384"
                    : Curve.P_521.equals(crv) ? "ES512" : "EC " + crv;
        }
        if (key instanceof OctetKeyPair okp) {
            return Curve.Ed25519.equals(okp.getCurve()) ? "EdDSA" : "OKP " + okp.getCurve();
        }
        return String.valueOf(key.getKeyType());
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
