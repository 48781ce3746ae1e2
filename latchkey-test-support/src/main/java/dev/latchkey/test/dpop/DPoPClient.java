package dev.latchkey.test.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.Map;

/**
 * A DPoP client (RFC 9449): an EC P-256 key generated at test time, its RFC 7638 thumbprint for a token's
 * {@code cnf.jkt}, and proofs made by Nimbus oauth2-oidc-sdk's factory (a library independent of Latchkey's verifier),
 * issued at the time of the given clock (the clock the server reads).
 */
public final class DPoPClient {

    private final ECKey key;
    private final DefaultDPoPProofFactory factory;
    private final Clock clock;

    private DPoPClient(ECKey key, Clock clock) throws JOSEException {
        this.key = key;
        this.factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        this.clock = clock;
    }

    /** A client with a new key, its proofs issued at {@code clock}'s instant. */
    public static DPoPClient generate(Clock clock) {
        try {
            return new DPoPClient(new ECKeyGenerator(Curve.P_256).generate(), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's RFC 7638 thumbprint (base64url SHA-256), a token's {@code cnf.jkt}. */
    public String thumbprint() {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code cnf} binding a token to this client's key (RFC 9449 §6.1). */
    public Map<String, Object> binding() {
        return Map.of("cnf", Map.of("jkt", thumbprint()));
    }

    /**
     * A proof for {@code method} {@code url} (query and fragment dropped: RFC 9449 §4.2 {@code htu}) with
     * {@code token}'s hash ({@code ath}; none when null) and an optional nonce.
     */
    public String proof(String method, String url, String token, String nonce) {
        URI uri = URI.create(url);
        URI htu = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        try {
            return factory.createDPoPJWT(new JWTID(), method, htu, Date.from(clock.instant()),
                    token == null ? null : new DPoPAccessToken(token), nonce == null ? null : new Nonce(nonce))
                    .serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
