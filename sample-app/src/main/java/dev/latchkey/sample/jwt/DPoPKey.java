package dev.latchkey.sample.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * A client's DPoP key (RFC 9449 §4.2) for trying the sample: an EC P-256 key pair kept as a private JWK in one file,
 * owner-only, generated on first use. A token minted with it carries its thumbprint in {@code cnf.jkt}; proofs for
 * requests are signed with it.
 *
 * @param key       the key pair; never print it
 * @param generated whether the file was created now
 */
public record DPoPKey(ECKey key, boolean generated) {

    /** The proof algorithm of a P-256 key. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    /** Loads the key in {@code file}, or generates one into it. */
    public static DPoPKey ensure(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            try {
                JWK jwk = JWK.parse(Files.readString(file));
                if (!(jwk instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
                    throw new IOException(file + " holds no private P-256 key");
                }
                return new DPoPKey(ec, false);
            } catch (ParseException e) {
                throw new IOException(file + " is not a JWK: " + e.getMessage(), e);
            }
        }
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IOException("cannot generate an EC key: " + e.getMessage(), e);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        DevSigningKey.write(file, key.toJSONString());
        return new DPoPKey(key, true);
    }

    /** The RFC 7638 SHA-256 thumbprint: the token's {@code cnf.jkt}. */
    public String thumbprint() {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "DPoPKey[jkt=" + thumbprint() + "]";
    }
}
