package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.jose.proc.SecurityContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one claims layer, run by Nimbus after the signature has been verified:
 * <ol>
 *   <li>{@code iss} equals the issuer (RFC 7519 §4.1.1, RFC 8725 §3.8);</li>
 *   <li>{@code aud} contains an accepted audience when audiences are configured (RFC 7519 §4.1.3);</li>
 *   <li>{@code exp} is present and not passed, allowing the clock skew (RFC 7519 §4.1.4);</li>
 *   <li>{@code nbf} and {@code iat} are not in the future beyond the skew (RFC 7519 §4.1.5, §4.1.6);</li>
 *   <li>with {@code mp.jwt.verify.token.age}: {@code iat} present and {@code iat + age} not passed, no extra leeway
 *   (MicroProfile JWT 2.1);</li>
 *   <li>every required claim present.</li>
 * </ol>
 */
final class ClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    private final String issuer;
    private final Set<String> audiences;
    private final Duration skew;
    private final Optional<Duration> tokenAge;
    private final Set<String> requiredClaims;
    private final Clock clock;

    ClaimsVerifier(String issuer, Set<String> audiences, Duration skew, Optional<Duration> tokenAge,
                   Set<String> requiredClaims, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.skew = skew;
        this.tokenAge = tokenAge;
        this.requiredClaims = Set.copyOf(requiredClaims);
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw new JwtRejectedException(JwtRejection.WRONG_ISSUER);
        }
        if (!audiences.isEmpty()) {
            List<String> aud = claims.getAudience();
            if (aud == null || aud.stream().noneMatch(audiences::contains)) {
                throw new JwtRejectedException(JwtRejection.WRONG_AUDIENCE);
            }
        }
        Instant exp = instant(claims.getExpirationTime());
        if (exp == null) {
            throw new JwtRejectedException(JwtRejection.MISSING_EXP);
        }
        if (!now.isBefore(exp.plus(skew))) {
            throw new JwtRejectedException(JwtRejection.TOKEN_EXPIRED);
        }
        Instant nbf = instant(claims.getNotBeforeTime());
        if (nbf != null && now.plus(skew).isBefore(nbf)) {
            throw new JwtRejectedException(JwtRejection.NOT_YET_VALID);
        }
        Instant iat = instant(claims.getIssueTime());
        if (iat != null && now.plus(skew).isBefore(iat)) {
            throw new JwtRejectedException(JwtRejection.ISSUED_IN_FUTURE);
        }
        if (tokenAge.isPresent()) {
            if (iat == null) {
                throw new JwtRejectedException(JwtRejection.MISSING_IAT);
            }
            if (now.isAfter(iat.plus(tokenAge.get()))) {
                throw new JwtRejectedException(JwtRejection.TOKEN_TOO_OLD);
            }
        }
        for (String claim : requiredClaims) {
            if (claims.getClaim(claim) == null) {
                throw new JwtRejectedException(JwtRejection.MISSING_CLAIM);
            }
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
