package dev.latchkey.auth.dpop;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.state.ReplayCache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Verifies a DPoP proof presented with an access token at a protected resource (RFC 9449 §4.3, §7). Every check of
 * §4.3, in this order: one proof (1), its size, a compact JWS (2) whose {@code jwk} holds no private key (7), typed
 * {@code dpop+jwt} (4), with an allowed asymmetric {@code alg} (5), its key only in {@code jwk} (never fetched through
 * {@code jku}/{@code x5u}, never looked up by {@code kid}), a signature that verifies with that key (6), the required
 * claims (3), {@code htm} (8), {@code htu} (9), {@code iat} within the window (11), {@code ath} = the access token's
 * hash (12), the server nonce when required (10, §9), the token's {@code cnf.jkt} = the key's thumbprint (12, §6),
 * and last, once everything else holds, {@code jti} single use through the {@link ReplayCache} (§11.1), so that a
 * refused proof never uses up its identifier.
 *
 * <p>Failures are {@link AuthenticationFailure}s: 401 {@code invalid_dpop_proof}, {@code use_dpop_nonce} or
 * {@code invalid_token} with a {@code DPoP} challenge; a replay cache that cannot answer is its own 503.
 */
public final class DPoPProofVerifier {

    /** {@link ReplayCache} namespace of proof identifiers. */
    public static final String REPLAY_NAMESPACE = "dpop";
    static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    private static final int MAX_JTI_CHARS = 256;

    private final DPoPSettings settings;
    private final DPoPErrors errors;
    private final DPoPNonces nonces;
    private final ReplayCache replayCache;
    private final Clock clock;

    public DPoPProofVerifier(DPoPSettings settings, DPoPNonces nonces, ReplayCache replayCache, Clock clock) {
        this.settings = settings;
        this.errors = new DPoPErrors(settings);
        this.nonces = nonces;
        this.replayCache = replayCache;
        this.clock = clock;
    }

    public DPoPErrors errors() {
        return errors;
    }

    /**
     * @param accessToken the token sent with the {@code DPoP} scheme
     * @param boundJkt    the token's {@code cnf.jkt} (RFC 9449 §6.1 from a JWT, §6.2 from introspection)
     * @throws AuthenticationFailure for any failed check
     */
    public VerifiedProof verify(ProofRequest request, String accessToken, String boundJkt) {
        SignedJWT proof = parse(request);
        JWSHeader header = proof.getHeader();
        checkHeader(header);
        JWK jwk = header.getJWK();
        String signatureProblem = ProofKey.verify(proof, header.getAlgorithm(), jwk);
        if (signatureProblem != null) {
            throw fail(signatureProblem, "dpop_signature");
        }
        JWTClaimsSet claims = claims(proof);
        String jti = checkClaims(claims, request, accessToken);
        Map<String, String> responseHeaders = checkNonce(claims);
        String jkt = ProofKey.thumbprint(jwk);
        if (boundJkt == null || !MessageDigest.isEqual(jkt.getBytes(StandardCharsets.US_ASCII),
                boundJkt.getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthenticationFailure(errors.invalidToken("DPoP key binding does not match",
                    "dpop_binding_mismatch"));
        }
        Instant expiresAt = ReplayCache.keepUntil(claims.getIssueTime().toInstant().plus(settings.proofMaxAge())
                .plus(settings.clockSkew()), settings.clockSkew());
        if (!replayCache.firstUse(REPLAY_NAMESPACE, jkt, replayId(jkt, jti), expiresAt)) {
            throw fail("DPoP proof was already used", "dpop_replay");
        }
        return new VerifiedProof(jkt, responseHeaders);
    }

    /** base64url(SHA-256(ASCII(token))): the {@code ath} claim (RFC 9449 §4.2). */
    public static String accessTokenHash(String accessToken) {
        return Base64URL.encode(sha256(accessToken)).toString();
    }

    private SignedJWT parse(ProofRequest request) {
        if (request.proofs().isEmpty()) {
            throw fail("DPoP proof missing", "dpop_proof_missing");
        }
        if (request.proofs().size() > 1) {
            throw fail("more than one DPoP proof", "dpop_proof_duplicate");
        }
        String value = request.proofs().get(0).strip();
        if (value.length() > settings.maxProofBytes()) {
            throw fail("DPoP proof too large", "dpop_proof_too_large");
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) {
            throw fail("DPoP proof is not a signed JWT", "dpop_proof_malformed");
        }
        try {
            Map<String, Object> rawHeader = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
            if (ProofKey.isPrivate(rawHeader.get("jwk"))) {
                throw fail("DPoP proof key must be a public key", "dpop_private_key");
            }
            return SignedJWT.parse(value);
        } catch (ParseException | RuntimeException e) {
            if (e instanceof AuthenticationFailure failure) {
                throw failure;
            }
            throw fail("DPoP proof is not a signed JWT", "dpop_proof_malformed");
        }
    }

    private void checkHeader(JWSHeader header) {
        if (header.getType() == null || !TYPE.getType().equalsIgnoreCase(header.getType().getType())) {
            throw fail("DPoP proof typ must be dpop+jwt", "dpop_typ");
        }
        JWSAlgorithm alg = header.getAlgorithm();
        if (alg == null || !settings.algorithms().contains(alg)) {
            throw fail("DPoP proof algorithm not allowed", "dpop_alg");
        }
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getX509CertChain() != null) {
            throw fail("DPoP proof key must be given in jwk only", "dpop_key_reference");
        }
        if (header.getJWK() == null) {
            throw fail("DPoP proof has no jwk", "dpop_no_jwk");
        }
    }

    private JWTClaimsSet claims(SignedJWT proof) {
        try {
            return proof.getJWTClaimsSet();
        } catch (ParseException e) {
            throw fail("DPoP proof claims are malformed", "dpop_proof_malformed");
        }
    }

    /** @return the {@code jti} */
    private String checkClaims(JWTClaimsSet claims, ProofRequest request, String accessToken) {
        String jti = stringClaim(claims, "jti");
        String htm = stringClaim(claims, "htm");
        String htu = stringClaim(claims, "htu");
        Date iat = claims.getIssueTime();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_CHARS || htm == null || htu == null
                || iat == null) {
            throw fail("DPoP proof lacks a required claim (jti, htm, htu, iat)", "dpop_claims");
        }
        if (!htm.equals(request.method())) {
            throw fail("DPoP proof htm does not match the request method", "dpop_htm");
        }
        if (request.htu().isEmpty() || !HttpUri.normalize(htu).equals(request.htu())) {
            throw fail("DPoP proof htu does not match the request URI", "dpop_htu");
        }
        if (!settings.originAllowed(request.htu().get())) {
            throw fail("DPoP proof htu names an origin this resource does not serve", "dpop_htu_origin");
        }
        Instant now = clock.instant();
        Instant issued = iat.toInstant();
        if (issued.isAfter(now.plus(settings.clockSkew()))
                || issued.isBefore(now.minus(settings.proofMaxAge()).minus(settings.clockSkew()))) {
            throw fail("DPoP proof iat is outside the accepted window", "dpop_iat");
        }
        String ath = stringClaim(claims, "ath");
        if (ath == null) {
            throw fail("DPoP proof has no ath", "dpop_ath_missing");
        }
        if (!MessageDigest.isEqual(ath.getBytes(StandardCharsets.UTF_8),
                accessTokenHash(accessToken).getBytes(StandardCharsets.US_ASCII))) {
            throw fail("DPoP proof ath does not match the access token", "dpop_ath");
        }
        return jti;
    }

    private Map<String, String> checkNonce(JWTClaimsSet claims) {
        if (!settings.nonceRequired()) {
            return Map.of();
        }
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null) {
            throw new AuthenticationFailure(errors.useNonce("DPoP proof must carry the server nonce",
                    nonces.current()));
        }
        return switch (nonces.check(nonce)) {
            case CURRENT -> Map.of();
            case PREVIOUS -> Map.of(DPoPErrors.NONCE_HEADER, nonces.current());
            case INVALID -> throw new AuthenticationFailure(errors.useNonce("DPoP nonce is invalid or expired",
                    nonces.current()));
        };
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    /** A fixed-length key: the proof key and its jti, so one client's identifiers never collide with another's. */
    private static String replayId(String jkt, String jti) {
        return Base64URL.encode(sha256(jkt + '\u0000' + jti)).toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private AuthenticationFailure fail(String description, String reason) {
        return new AuthenticationFailure(errors.invalidProof(description, reason));
    }
}
