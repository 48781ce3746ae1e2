package dev.latchkey.auth.introspection;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.latchkey.auth.config.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * How this resource server authenticates to the introspection endpoint (RFC 7662 §2.1): HTTP Basic with the client
 * secret ({@code client_secret_basic}, RFC 6749 §2.3.1), or a JWT assertion signed with the client's private key
 * ({@code private_key_jwt}, RFC 7523 §2.2), a new one (fresh {@code jti}, short {@code exp}) for every request. The
 * key is read once, at start-up.
 */
final class ClientCredentials {

    private final IntrospectionSettings settings;
    private final ClientAuthentication basic;
    private final PrivateKey privateKey;

    ClientCredentials(IntrospectionSettings settings) {
        this.settings = settings;
        ClientID client = new ClientID(settings.clientId());
        if (settings.clientAuth() == IntrospectionSettings.ClientAuth.CLIENT_SECRET_BASIC) {
            this.basic = new ClientSecretBasic(client, new Secret(settings.clientSecret().orElseThrow()));
            this.privateKey = null;
        } else {
            this.basic = null;
            this.privateKey = loadKey(settings);
            next(); // a key that cannot sign with the configured algorithm fails start-up
        }
    }

    /** The credentials for one request. */
    ClientAuthentication next() {
        if (basic != null) {
            return basic;
        }
        try {
            return new PrivateKeyJWT(new ClientID(settings.clientId()), settings.assertionAudience(),
                    settings.signingAlg(), privateKey, settings.keyId().orElse(null), null);
        } catch (JOSEException e) {
            throw new ConfigurationException(IntrospectionSettings.SIGNING_ALG, "the private key cannot sign "
                    + settings.signingAlg() + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey loadKey(IntrospectionSettings settings) {
        String property = IntrospectionSettings.PRIVATE_KEY;
        String text;
        try {
            text = Files.readString(settings.privateKey().orElseThrow()).strip();
        } catch (IOException e) {
            throw new ConfigurationException(property, "cannot be read: " + e.getMessage(), e);
        }
        JWSAlgorithm alg = settings.signingAlg();
        boolean ec = JWSAlgorithm.Family.EC.contains(alg);
        try {
            if (text.startsWith("{")) {
                JWK jwk = JWK.parse(text);
                if (!jwk.isPrivate()) {
                    throw new ConfigurationException(property, "the JWK holds no private key");
                }
                return ec ? ((ECKey) jwk).toPrivateKey() : ((RSAKey) jwk).toPrivateKey();
            }
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance(ec ? "EC" : "RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.text.ParseException | JOSEException | GeneralSecurityException | ClassCastException
                 | IllegalArgumentException e) {
            throw new ConfigurationException(property, "is not a PKCS#8 PEM or private JWK for "
                    + alg.getName(), e);
        }
    }
}
