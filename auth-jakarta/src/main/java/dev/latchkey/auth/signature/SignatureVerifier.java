package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.keylife.KeyLifecycle;
import dev.latchkey.auth.request.LogSafe;
import dev.latchkey.auth.signature.keys.ClientKeyRecord;
import dev.latchkey.auth.signature.keys.ClientKeyStoreUnavailable;
import dev.latchkey.auth.signature.keys.ResolvedKey;
import dev.latchkey.auth.signature.keys.SignatureKeys;
import dev.latchkey.auth.state.ReplayCache;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Verifies the HTTP message signature of a request (RFC 9421 §3.2) against the key registry and the application
 * requirements of {@link SignatureSettings} (§3.2.1), cheapest checks first:
 *
 * <ol>
 *   <li>{@code Signature-Input} and {@code Signature} parse as RFC 8941 dictionaries with the same, unrepeated labels
 *   (400 otherwise); exactly one signature is chosen, by {@code label} or {@code tag} when configured (§7.2.6).</li>
 *   <li>{@code keyid}, {@code created} (within {@code max-age}, not in the future beyond {@code clock-skew}),
 *   {@code expires} (at most {@code max-age} after {@code created}, or after now without {@code created}: no
 *   signature outlives {@code max-age}), {@code nonce} when required; every required component covered (§7.2.1); 401 with
 *   {@code Accept-Signature} otherwise.</li>
 *   <li>The key: known, active (not revoked, expired or rotated out), its algorithm allowed. The algorithm is the
 *   key's; an {@code alg} parameter that names another one fails (§3.2 step 6, §7.3.6): no HMAC/public-key
 *   confusion.</li>
 *   <li>The signature base rebuilt from the request (§2.5) and the signature checked (§3.3).</li>
 *   <li>Then, and only for a valid signature, the {@code nonce} is recorded as used ({@link ReplayCache}, namespace
 *   {@code signature}, as SHA-256 of the key id and nonce, until the signature could no longer be accepted anyway;
 *   a nonce is at most {@value #MAX_NONCE} characters).</li>
 * </ol>
 *
 * A failure is an {@link AuthenticationFailure} whose description says what was wrong, never a secret; the
 * request's own values appear in it only through a filter to RFC 6750's {@code error_description} characters. The
 * content itself is not checked here: see {@link VerifiedSignature#coversContentDigest()}.
 */
public record SignatureVerifier(SignatureSettings settings, SignatureKeys keys, ReplayCache replayCache, Clock clock) {

    /** The challenge scheme of signature failures. RFC 9421 defines none; this names the credential kind. */
    public static final String SCHEME = "Signature";
    private static final System.Logger LOG = System.getLogger(SignatureVerifier.class.getName());
    private static final int MAX_DESCRIPTION = 160;
    /** The longest {@code nonce} accepted: enough for any random value, and bounds what the replay cache holds. */
    static final int MAX_NONCE = 128;
    /**
     * The one description of an unknown, revoked, expired, rotated-out key or a key of an algorithm not accepted,
     * given before the signature is verified: the answer must not tell a caller without the key which key ids exist
     * or what became of them (the audit event's reason does).
     */
    static final String KEY_NOT_ACCEPTED = "key not accepted";
    private static final String REPLAY_NAMESPACE = "signature";


    /** Whether the request carries a signature at all (either field present). */
    public static boolean present(RequestComponents request) {
        return !request.fieldLines(SignatureFields.SIGNATURE_INPUT).isEmpty()
                || !request.fieldLines(SignatureFields.SIGNATURE).isEmpty();
    }

    /**
     * @return the verified signature, or empty when the request carries none
     * @throws AuthenticationFailure 400 for malformed fields, 401 for a signature that does not verify or does not meet
     *                               the requirements, 503 when the registry cannot answer
     */
    public Optional<VerifiedSignature> verify(RequestComponents request) {
        if (!present(request)) {
            return Optional.empty();
        }
        SignatureFields.Labelled chosen = choose(request);
        SignatureInput input = chosen.input();
        String keyId = input.keyId().orElseThrow(() -> invalid(request, "signature has no keyid", "signature_no_keyid"));
        Instant now = clock.instant();
        Instant acceptUntil = checkTimes(request, input, now);
        boolean coversDigest = checkCoverage(request, input);
        ResolvedKey key = resolve(request, keyId, now);
        SignatureAlgorithm algorithm = key.record().algorithm();
        if (input.alg().isPresent() && !input.alg().get().equals(algorithm.httpName())) {
            throw invalid(request, "alg does not match the key's algorithm", "signature_alg_mismatch", keyId);
        }
        byte[] base;
        try {
            base = new SignatureBase(request, settings.structuredFields()).build(input.components(), input.value());
        } catch (SignatureBaseException e) {
            throw invalid(request, e.getMessage(), "signature_base", keyId);
        }
        if (!algorithm.verify(key.key(), base, chosen.signature().bytes())) {
            throw invalid(request, "invalid signature", "signature_invalid", keyId);
        }
        if (input.nonce().isPresent() && !replayCache.firstUse(REPLAY_NAMESPACE, keyId,
                replayId(keyId, input.nonce().get()), ReplayCache.keepUntil(acceptUntil, settings.clockSkew()))) {
            throw invalid(request, "nonce already used", "signature_replayed", keyId);
        }
        return Optional.of(new VerifiedSignature(key, input, coversDigest));
    }

    /** Parses both fields and picks the one signature to verify. */
    private SignatureFields.Labelled choose(RequestComponents request) {
        Map<String, SignatureFields.Labelled> all;
        try {
            all = SignatureFields.parse(request.fieldLines(SignatureFields.SIGNATURE_INPUT),
                    request.fieldLines(SignatureFields.SIGNATURE));
        } catch (MalformedSignatureException e) {
            throw new AuthenticationFailure(AuthError.invalidRequest(SCHEME, safe(e.getMessage()),
                    "signature_malformed"));
        }
        List<SignatureFields.Labelled> candidates = all.values().stream()
                .filter(s -> settings.label().map(l -> l.equals(s.input().label())).orElse(true))
                .filter(s -> settings.tag().map(t -> t.equals(s.input().tag().orElse(null))).orElse(true))
                .toList();
        if (candidates.isEmpty()) {
            throw invalid(request, settings.label().map(l -> "no signature labelled " + l)
                    .orElse("no signature with tag " + settings.tag().orElse("")), "signature_not_found");
        }
        if (candidates.size() > 1) {
            throw new AuthenticationFailure(AuthError.invalidRequest(SCHEME, "more than one signature to verify: "
                    + "send one, or the one with the configured label or tag", "signature_ambiguous"));
        }
        return candidates.get(0);
    }

    /**
     * The validity window (RFC 9421 §2.3, §7.2.2): {@code created} no older than {@code max-age}; without
     * {@code created} (only when {@code require-created=false}) an {@code expires} no more than {@code max-age} ahead
     * is required, so no signature is accepted for longer than {@code max-age}; and {@code expires} never extends the
     * window beyond {@code max-age} after {@code created}.
     *
     * @return until when the signature could be accepted (how long its nonce must be remembered)
     */
    private Instant checkTimes(RequestComponents request, SignatureInput input, Instant now) {
        OptionalLong created = input.created();
        OptionalLong expires = input.expires();
        if (created.isEmpty() && settings.requireCreated()) {
            throw invalid(request, "signature has no created parameter", "signature_no_created");
        }
        if (created.isEmpty() && expires.isEmpty()) {
            throw invalid(request, "signature has neither created nor expires", "signature_no_created");
        }
        Instant until;
        if (created.isPresent()) {
            Instant c = Instant.ofEpochSecond(created.getAsLong());
            if (c.isAfter(now.plus(settings.clockSkew()))) {
                throw invalid(request, "signature created in the future", "signature_not_yet_valid");
            }
            until = c.plus(settings.maxAge()).plus(settings.clockSkew());
            if (now.isAfter(until)) {
                throw invalid(request, "signature too old (created more than " + settings.maxAge().toSeconds()
                        + " s ago)", "signature_too_old");
            }
        } else {
            until = now.plus(settings.maxAge()).plus(settings.clockSkew());
        }
        if (expires.isPresent()) {
            Instant e = Instant.ofEpochSecond(expires.getAsLong()).plus(settings.clockSkew());
            if (now.isAfter(e)) {
                throw invalid(request, "signature expired", "signature_expired");
            }
            Instant from = created.isPresent() ? Instant.ofEpochSecond(created.getAsLong()) : now;
            if (e.isAfter(from.plus(settings.maxAge()).plus(settings.clockSkew()))) {
                throw invalid(request, "signature expires more than " + settings.maxAge().toSeconds() + " s after "
                        + (created.isPresent() ? "its creation" : "now"), "signature_expires_too_late");
            }
            until = e.isBefore(until) ? e : until;
        }
        if (settings.requireNonce() && input.nonce().isEmpty()) {
            throw invalid(request, "signature has no nonce", "signature_no_nonce");
        }
        if (input.nonce().isPresent() && input.nonce().get().length() > MAX_NONCE) {
            throw invalid(request, "nonce longer than " + MAX_NONCE + " characters", "signature_nonce_too_long");
        }
        return until;
    }

    /** @return whether {@code content-digest} is covered */
    private boolean checkCoverage(RequestComponents request, SignatureInput input) {
        for (String name : AcceptSignature.required(settings, request.hasContent())) {
            if (!covers(input, name)) {
                throw invalid(request, "signature does not cover required component " + name,
                        "signature_coverage");
            }
        }
        return covers(input, "content-digest");
    }

    /** Covered by the plain identifier, or for a field with {@code sf} only. */
    private static boolean covers(SignatureInput input, String name) {
        return input.components().stream().anyMatch(c -> c.name().equals(name)
                && (c.parameters().isEmpty() || (!c.derived() && c.parameters().keys().equals(Set.of("sf")))));
    }

    private ResolvedKey resolve(RequestComponents request, String keyId, Instant now) {
        ResolvedKey key;
        try {
            key = keys.resolve(keyId).orElseThrow(() -> invalid(request, KEY_NOT_ACCEPTED, "signature_key_unknown"));
        } catch (ClientKeyStoreUnavailable | IllegalStateException e) {
            LOG.log(Level.ERROR, "signature key {0} cannot be resolved: {1}", LogSafe.value(keyId), e.getMessage());
            throw new AuthenticationFailure(AuthError.unavailable("signature keys are unavailable",
                    "signature_keys_unavailable"), e);
        }
        KeyLifecycle.Status status = key.record().status(now);
        if (status != KeyLifecycle.Status.ACTIVE) {
            throw invalid(request, KEY_NOT_ACCEPTED, "signature_key_" + status.name().toLowerCase(Locale.ROOT),
                    keyId);
        }
        if (!settings.algorithms().contains(key.record().algorithm())) {
            throw invalid(request, KEY_NOT_ACCEPTED, "signature_alg_not_allowed", keyId);
        }
        return key;
    }

    private AuthenticationFailure invalid(RequestComponents request, String description, String reason) {
        return invalid(request, description, reason, null);
    }

    /** 401 {@code invalid_token} with {@code Accept-Signature} naming what the next signature must cover. */
    private AuthenticationFailure invalid(RequestComponents request, String description, String reason,
                                          String keyId) {
        AuthError error = AuthError.invalidToken(SCHEME, safe(description), reason)
                .withHeaders(Map.of(AcceptSignature.FIELD, AcceptSignature.render(settings, request.hasContent())));
        return new AuthenticationFailure(keyId == null ? error : error.withCredentialId(safe(keyId)));
    }

    /**
     * What the replay cache remembers of a nonce: SHA-256 over the key id and the nonce (each length-prefixed), so an
     * entry has a fixed size whatever the client sends, and nonces of different keys never collide.
     */
    static String replayId(String keyId, String nonce) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{keyId, nonce}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha256.update(bytes);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Within RFC 6750 §3's {@code error_description} characters, and bounded. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DESCRIPTION));
        for (int i = 0; i < text.length() && out.length() < MAX_DESCRIPTION; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '\'' : c);
        }
        return out.toString();
    }
}
