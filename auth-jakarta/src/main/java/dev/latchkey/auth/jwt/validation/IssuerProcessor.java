package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.keys.UnknownKeyException;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.time.Clock;
import java.util.Optional;

/**
 * The Nimbus {@link DefaultJWTProcessor} of one issuer: a {@code JWSVerificationKeySelector} over the issuer's fixed
 * algorithm set and configured key source, the optional {@code typ} check and the {@link ClaimsVerifier}; and the
 * mapping of Nimbus's exceptions onto {@link JwtRejection}s or a 503.
 */
final class IssuerProcessor {

    private static final System.Logger LOG = System.getLogger(IssuerProcessor.class.getName());
    /** Our dependency's state, the same for every client: one line per issuer per interval, not one per request. */
    private final ThrottledWarnings warnings = new ThrottledWarnings(LOG);

    private final IssuerSettings issuer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    IssuerProcessor(IssuerSettings issuer, JwtSettings settings, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        processor.setJWSKeySelector(VerificationKeys.selector(issuer.algorithms(), keys));
        processor.setJWSVerifierFactory(VerificationKeys.verifierFactory());
        processor.setJWSTypeVerifier(typeVerifier(settings.typ()));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(issuer.issuer(), issuer.audiences(),
                settings.clockSkew(), settings.tokenAge(), settings.requiredClaims(), clock));
    }

    IssuerSettings issuer() {
        return issuer;
    }

    JWTClaimsSet process(SignedJWT jwt) {
        try {
            return processor.process(jwt, null);
        } catch (JwtRejectedException e) {
            // Claims are only checked after the signature, so the jti is then trustworthy.
            String jti = e.rejection() == JwtRejection.WRONG_TYPE ? null : jti(jwt);
            throw JwtVerifier.failure(e.rejection(), jti);
        } catch (BadJWSException e) {
            throw JwtVerifier.failure(JwtRejection.INVALID_SIGNATURE, null);
        } catch (BadJOSEException e) {
            throw JwtVerifier.failure(JwtRejection.MALFORMED, null);
        } catch (UnknownKeyException e) {
            throw JwtVerifier.failure(JwtRejection.UNKNOWN_KEY, null);
        } catch (KeySourceException e) {
            // An outage is one line; a key source that broke unexpectedly gets its stack trace.
            Throwable bug = e.getCause() instanceof RuntimeException ? e : null;
            warnings.warn("jwt-keys-unavailable", issuer.name(), bug, "Keys of JWT issuer {0} unavailable: {1}",
                    issuer.name(), e.getMessage());
            throw JwtVerifier.unavailable();
        } catch (JOSEException e) {
            throw JwtVerifier.failure(JwtRejection.INVALID_SIGNATURE, null);
        } catch (RuntimeException e) {
            // Not expected from any input: log it in full (the exception never holds the token) and refuse the token.
            warnings.warn("jwt-processing-failed", issuer.name(), e, "JWT processing failed unexpectedly for issuer {0}",
                    issuer.name());
            throw JwtVerifier.failure(JwtRejection.MALFORMED, null);
        }
    }

    private static String jti(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    /**
     * With {@code latchkey.jwt.typ}, the header {@code typ} must equal it, ignoring case and an
     * {@code application/} prefix (RFC 7515 §4.1.9, RFC 8725 §3.11); otherwise any {@code typ} is accepted.
     */
    private static JOSEObjectTypeVerifier<SecurityContext> typeVerifier(Optional<String> expected) {
        return (JOSEObjectType type, SecurityContext context) -> {
            if (expected.isEmpty()) {
                return;
            }
            String actual = type == null ? "" : type.getType();
            if (actual.regionMatches(true, 0, "application/", 0, 12)) {
                actual = actual.substring(12);
            }
            String want = expected.get();
            if (want.regionMatches(true, 0, "application/", 0, 12)) {
                want = want.substring(12);
            }
            if (!actual.equalsIgnoreCase(want)) {
                throw new JwtRejectedException(JwtRejection.WRONG_TYPE);
            }
        };
    }
}
