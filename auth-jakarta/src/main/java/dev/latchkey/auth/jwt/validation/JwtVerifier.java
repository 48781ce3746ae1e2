package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.keys.DecryptionKeys;
import dev.latchkey.auth.jwt.keys.IssuerKeySources;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Verifies a compact bearer JWT (RFC 7519 §7.2, RFC 8725 §3), in this order:
 * <ol>
 *   <li>size bound; then a verified-token cache hit skips to the last step;</li>
 *   <li>compact shape, before any parsing ({@link CompactForm}); with {@code mp.jwt.decrypt.key.location} a JWE is
 *   decrypted ({@link JweDecryptor}) and its nested JWS goes on, and a bare JWS is refused; without it a JWE is
 *   refused;</li>
 *   <li>header {@code alg} in the allow-list ({@code none} and HMAC never, RFC 8725 §3.1); any {@code crit} header
 *   refused, since Latchkey understands none (RFC 7515 §4.1.11);</li>
 *   <li>the issuer configuration chosen by the <em>unverified</em> {@code iss}, only to pick the keys to verify
 *   with;</li>
 *   <li>Nimbus's {@code DefaultJWTProcessor}: optional {@code typ} check (RFC 8725 §3.11), signature with keys from
 *   configuration only (never {@code jwk}/{@code jku}/{@code x5u}/{@code x5c} headers), then {@link ClaimsVerifier};</li>
 *   <li>the {@code jti} denylist and the RFC 8705 certificate binding, also on a cache hit.</li>
 * </ol>
 * Every caller-side failure is an {@link AuthenticationFailure} carrying a 401 {@code invalid_token}; a JWKS
 * endpoint that cannot be reached with no usable cached key, or a denylist that cannot answer, is a 503.
 */
public final class JwtVerifier {

    private static final System.Logger LOG = System.getLogger(JwtVerifier.class.getName());
    /** Our dependency's state, the same for every client: one line per issuer per interval, not one per request. */
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);

    private final JwtSettings settings;
    private final Map<String, IssuerProcessor> byIssuer = new LinkedHashMap<>();
    private final Set<JWSAlgorithm> algorithms = new HashSet<>();
    private final JtiDenylist denylist;
    private final VerifiedTokenCache cache;
    private final Clock clock;
    private final JweDecryptor decryptor;

    /** With the key source of each issuer supplied (tests, or applications with keys of their own). */
    public JwtVerifier(JwtSettings settings, JtiDenylist denylist, Clock clock,
                       Function<IssuerSettings, JWKSource<SecurityContext>> keySources) {
        this.settings = settings;
        this.denylist = denylist;
        this.clock = clock;
        this.cache = new VerifiedTokenCache(settings.cacheMaxSize(), settings.cacheTtl(), clock);
        this.decryptor = settings.decryption().enabled() ? new JweDecryptor(settings.decryption(),
                DecryptionKeys.build(settings.decryption(), settings.minRsaBits(), settings.jwks(), clock)) : null;
        for (IssuerSettings issuer : settings.issuers()) {
            byIssuer.put(issuer.issuer(), new IssuerProcessor(issuer, settings, keySources.apply(issuer), clock));
            algorithms.addAll(issuer.algorithms());
        }
    }

    /** With the keys of each issuer from configuration ({@link IssuerKeySources}). */
    public static JwtVerifier of(JwtSettings settings, JtiDenylist denylist, Clock clock) {
        return new JwtVerifier(settings, denylist, clock,
                issuer -> IssuerKeySources.build(issuer, settings.jwks(), settings.minRsaBits(), clock));
    }

    /**
     * @param token             the compact JWT
     * @param clientCertificate the TLS client certificate of the request, or {@code null}
     * @throws AuthenticationFailure 401 for a refused token, 503 when the keys cannot be obtained
     */
    public VerifiedJwt verify(String token, X509Certificate clientCertificate) {
        return verify(token, clientCertificate, false);
    }

    /**
     * As {@link #verify(String, X509Certificate)}; with {@code dpop}, a DPoP-bound token ({@code cnf.jkt}) is
     * accepted: its binding is the caller's to check with the proof (RFC 9449 §7.1). Without it, such a token is
     * refused (§7.2).
     */
    public VerifiedJwt verify(String token, X509Certificate clientCertificate, boolean dpop) {
        JwtRejection size = CompactForm.checkSize(token, settings.maxTokenBytes());
        if (size != null) {
            throw failure(size, null);
        }
        Optional<VerifiedJwt> cached = cache.get(token);
        if (cached.isPresent()) {
            return afterSignature(cached.get(), clientCertificate, dpop);
        }
        JwtRejection shape = CompactForm.checkShape(token);
        String jws = token;
        if (shape == JwtRejection.ENCRYPTED && decryptor != null) {
            jws = decryptor.decrypt(token); // a well-formed JWS, or refused
            shape = null;
        } else if (shape == null && decryptor != null) {
            // MicroProfile JWT 2.1: with a decryption key, only signed-then-encrypted tokens are accepted.
            shape = JwtRejection.SIGNED_ONLY;
        }
        if (shape != null) {
            throw failure(shape, null);
        }
        SignedJWT jwt = parse(jws);
        JWTClaimsSet unverified;
        try {
            // RFC 7519 §7.2 step 10: the claims set is a JSON object, nothing else.
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw failure(JwtRejection.MALFORMED, null);
        }
        if (unverified.getClaims().isEmpty()) {
            // Nimbus reads the JSON array [] as an empty object; no claims can never be valid (iss, exp required).
            throw failure(JwtRejection.MALFORMED, null);
        }
        IssuerProcessor processor = processorFor(unverified.getIssuer());
        if (!processor.issuer().algorithms().contains(jwt.getHeader().getAlgorithm())) {
            throw failure(JwtRejection.ALGORITHM_NOT_ALLOWED, null);
        }
        JWTClaimsSet claims = processor.process(jwt);
        Instant exp = claims.getExpirationTime().toInstant();
        VerifiedJwt verified = new VerifiedJwt(token, claims, processor.issuer().name(), exp);
        VerifiedJwt result = afterSignature(verified, clientCertificate, dpop);
        Instant validUntil = exp;
        if (settings.tokenAge().isPresent()) {
            Instant ageLimit = claims.getIssueTime().toInstant().plus(settings.tokenAge().get());
            validUntil = ageLimit.isBefore(validUntil) ? ageLimit : validUntil;
        }
        cache.put(token, verified, validUntil);
        return result;
    }

    /**
     * One parse of header and payload (RFC 7515 §4: the header is a JSON object). Only a JWS with an allowed
     * {@code alg} goes on: an unsecured JWT ({@code alg} {@code none} in any spelling) or HMAC is refused
     * (RFC 8725 §3.1), and so is any {@code crit} header, since Latchkey understands none (RFC 7515 §4.1.11).
     */
    private SignedJWT parse(String token) {
        SignedJWT jwt;
        try {
            // The shape check already told a JWS from a JWE: no need for JWTParser, which parses the header twice.
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw failure(headerAlgorithmAllowed(token) ? JwtRejection.MALFORMED : JwtRejection.ALGORITHM_NOT_ALLOWED,
                    null);
        }
        if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
            throw failure(JwtRejection.ALGORITHM_NOT_ALLOWED, null);
        }
        // RFC 7515 §4.1.11: no critical extension is understood here, and producers MUST NOT send an empty list.
        if (jwt.getHeader().getCriticalParams() != null) {
            throw failure(JwtRejection.UNSUPPORTED_CRITICAL_HEADER, null);
        }
        return jwt;
    }

    /**
     * On the error path only: whether a token that did not parse at least names an allowed algorithm, so that e.g.
     * {@code none} with a signature, or {@code None} without one, is still reported as a refused algorithm.
     */
    private boolean headerAlgorithmAllowed(String token) {
        try {
            String header = new Base64URL(token.substring(0, token.indexOf('.'))).decodeToString();
            return algorithms.contains(Header.parseAlgorithm(JSONObjectUtils.parse(header)));
        } catch (ParseException | RuntimeException e) {
            return true; // the header itself is malformed
        }
    }

    /**
     * The issuer whose keys verify the token. With one issuer, its keys are always used and a different {@code iss}
     * is reported after the signature check; with several, an unknown {@code iss} has no keys to check against.
     */
    private IssuerProcessor processorFor(String iss) {
        IssuerProcessor processor = iss == null ? null : byIssuer.get(iss);
        if (processor != null) {
            return processor;
        }
        if (byIssuer.size() == 1) {
            return byIssuer.values().iterator().next();
        }
        throw failure(JwtRejection.WRONG_ISSUER, null);
    }

    private VerifiedJwt afterSignature(VerifiedJwt jwt, X509Certificate clientCertificate, boolean dpop) {
        String jti = jwt.jti().orElse(null);
        if (jti != null && revoked(jwt.tokenIssuer(), jti)) {
            throw failure(JwtRejection.REVOKED, jti);
        }
        JwtRejection binding = CertificateBinding.check(jwt.confirmation(), clientCertificate, dpop);
        if (binding != null) {
            throw failure(binding, jti);
        }
        return jwt;
    }

    /** A denylist that cannot answer is our failure (503), never the caller's, and never "not revoked". */
    private boolean revoked(String issuer, String jti) {
        try {
            return denylist.isRevoked(issuer, jti);
        } catch (AuthenticationFailure e) {
            throw e;
        } catch (RuntimeException e) {
            warnings.warn("jti-denylist-failed", issuer, e, "jti denylist failed for token {0} of issuer {1}",
                    safeId(jti), issuer);
            throw unavailable();
        }
    }

    static AuthenticationFailure failure(JwtRejection rejection, String jti) {
        return new AuthenticationFailure(rejection.error(safeId(jti)));
    }

    static AuthenticationFailure unavailable() {
        return new AuthenticationFailure(AuthError.unavailable("token signing keys are temporarily unavailable",
                "jwks_unavailable").withScheme(JwtRejection.SCHEME));
    }

    /** A {@code jti} fit for an audit log: printable ASCII, at most 128 characters, else dropped. */
    public static String safeId(String jti) {
        if (jti == null || jti.isEmpty() || jti.length() > 128) {
            return null;
        }
        return jti.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? jti : null;
    }

    long cacheSize() {
        return cache.size();
    }
}
