package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWEDecrypterFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWEDecryptionKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.config.DecryptionSettings;
import dev.latchkey.auth.jwt.keys.UnknownKeyException;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.security.Key;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Opens an encrypted bearer token (RFC 7516 §5.2) and returns the signed JWT nested in it (RFC 7519 §5.2, §11.2:
 * sign first, then encrypt), which the caller then verifies like any signed token. Selects keys by the rule of
 * Nimbus's {@link JWEDecryptionKeySelector} and decrypts with its {@link DefaultJWEDecrypterFactory}; before any
 * key is touched the header must pass:
 * <ul>
 *   <li>{@code alg} in the configured RSA-OAEP set and {@code enc} in the AES-GCM set (so never {@code PBES2},
 *   {@code RSA1_5}, {@code dir} or a key wrap; RFC 8725 §3.1, §3.2);</li>
 *   <li>no {@code zip}: compressed plaintext is refused (decompression bombs, and compression leaks plaintext length,
 *   RFC 8725 §3.6);</li>
 *   <li>no {@code crit} (RFC 7516 §4.1.13), and {@code cty} {@code JWT} (MicroProfile JWT 2.1: only nested signed
 *   tokens, since an encrypted-only token proves nothing about its issuer).</li>
 * </ul>
 * Every failure here is the caller's (401), except key material that cannot be obtained (503). A token without
 * {@code kid} is tried with each configured decryption key (usually one; RFC 7516 §4.1.6 makes {@code kid} optional).
 */
public final class JweDecryptor {

    private static final System.Logger LOG = System.getLogger(JweDecryptor.class.getName());
    private static final String KEYS = "decryption keys";
    /** Our dependency's state, the same for every client: one line per interval, not one per request. */
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);

    private final Set<JWEAlgorithm> algorithms;
    private final Set<EncryptionMethod> encryptionMethods;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWEDecrypterFactory decrypters = new DefaultJWEDecrypterFactory();
    /** JWK to JDK key; weak identity keys, so entries leave with the key set that held them. */
    private final Cache<JWK, Key> converted = Caffeine.newBuilder().weakKeys().maximumSize(100).build();

    public JweDecryptor(DecryptionSettings settings, JWKSource<SecurityContext> keys) {
        this.algorithms = settings.algorithms();
        this.encryptionMethods = settings.encryptionMethods();
        this.keys = keys;
    }

    /**
     * @param token a compact JWE that passed the size and shape checks
     * @return the nested compact JWS
     * @throws dev.latchkey.auth.error.AuthenticationFailure 401 for the caller's fault, 503 when the decryption keys
     *                                                       cannot be obtained
     */
    String decrypt(String token) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw JwtVerifier.failure(JwtRejection.MALFORMED, null);
        }
        JWEHeader header = jwe.getHeader();
        if (header.getAlgorithm() == null || header.getEncryptionMethod() == null
                || !algorithms.contains(header.getAlgorithm())
                || !encryptionMethods.contains(header.getEncryptionMethod())) {
            throw JwtVerifier.failure(JwtRejection.ALGORITHM_NOT_ALLOWED, null);
        }
        if (header.getCompressionAlgorithm() != null) {
            throw JwtVerifier.failure(JwtRejection.COMPRESSED, null);
        }
        // RFC 7516 §4.1.13 (by reference to RFC 7515 §4.1.11): none is understood, and an empty list is not allowed.
        if (header.getCriticalParams() != null) {
            throw JwtVerifier.failure(JwtRejection.UNSUPPORTED_CRITICAL_HEADER, null);
        }
        if (header.getContentType() == null || !"JWT".equalsIgnoreCase(header.getContentType())) {
            throw JwtVerifier.failure(JwtRejection.NOT_NESTED, null);
        }
        List<Key> candidates;
        try {
            candidates = candidates(header);
        } catch (UnknownKeyException e) {
            candidates = List.of();
        } catch (KeySourceException e) {
            // An outage is one line; a key source that broke unexpectedly gets its stack trace (never token content).
            Throwable bug = e.getCause() instanceof RuntimeException ? e : null;
            warnings.warn("jwt-decryption-keys-unavailable", KEYS, bug, "JWT decryption keys unavailable: {0}",
                    e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            warnings.warn("jwt-decryption-key-selection-failed", KEYS, e,
                    "JWT decryption key selection failed unexpectedly");
            throw unavailable();
        }
        if (candidates.isEmpty()) {
            throw JwtVerifier.failure(JwtRejection.UNKNOWN_KEY, null);
        }
        for (Key key : candidates) {
            if (decryptedWith(jwe, header, key)) {
                return nested(jwe.getPayload().toString());
            }
        }
        throw JwtVerifier.failure(JwtRejection.DECRYPTION_FAILED, null);
    }

    /** Wrong key or tampered token: {@code false}, without saying which step failed (no decryption oracle). */
    private boolean decryptedWith(JWEObject jwe, JWEHeader header, Key key) {
        try {
            jwe.decrypt(decrypters.createJWEDecrypter(header, key));
            return true;
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The private keys that may decrypt a token with this (already allowed) header: Nimbus's
     * {@link JWKMatcher#forJWEHeader} rule, as its {@code JWEDecryptionKeySelector} applies it, keys without {@code kid}
     * matching as for signatures ({@link VerificationKeys#select}). A JWK is converted to a JDK key once, not per
     * token.
     */
    private List<Key> candidates(JWEHeader header) throws KeySourceException {
        return VerificationKeys.javaKeys(VerificationKeys.select(keys, JWKMatcher.forJWEHeader(header), null),
                converted, PrivateKey.class);
    }


    private static AuthenticationFailure unavailable() {
        return new AuthenticationFailure(AuthError.unavailable("token decryption keys are temporarily unavailable",
                "jwks_unavailable").withScheme(JwtRejection.SCHEME));
    }

    /** The payload must itself be a well-formed compact JWS; anything else is not a nested signed token. */
    private static String nested(String payload) {
        if (payload.isEmpty() || CompactForm.checkShape(payload) != null) {
            throw JwtVerifier.failure(JwtRejection.NOT_NESTED, null);
        }
        return payload;
    }
}
