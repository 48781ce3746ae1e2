package dev.latchkey.devcerts;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Development and test certificates: a CA, server and client certificates (EC P-256, SHA256withECDSA) and CRLs,
 * generated with BouncyCastle ({@code org.bouncycastle:bcpkix-jdk18on}). For the sample application and tests only, not
 * for production PKI; the Latchkey library does not depend on this module. {@link DevCertificateFiles} writes a
 * ready-to-use set into a directory.
 *
 * <p>{@link Issued#toString()} never prints the private key.
 */
public final class DevCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private DevCertificates() {
    }

    /** A certificate with its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keyPair) {
        @Override
        public String toString() {
            return "Issued[subject=" + certificate.getSubjectX500Principal().getName() + ", serial="
                    + certificate.getSerialNumber().toString(16) + "]";
        }
    }

    /** A self-signed CA valid from one hour ago for {@code validity}. */
    public static Issued ca(String commonName, Duration validity) {
        KeyPair keys = ecKeyPair();
        Instant now = Instant.now();
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(b, keys), keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create CA certificate", e);
        }
    }

    /**
     * An intermediate CA signed by {@code issuer}, valid from one hour ago for {@code validity}; path length 0 (it
     * issues leaves only).
     */
    public static Issued intermediate(Issued issuer, String commonName, Duration validity) {
        KeyPair keys = ecKeyPair();
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), name(commonName),
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(issuer.certificate()));
            return new Issued(sign(b, issuer.keyPair()), keys);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create intermediate CA certificate", e);
        }
    }

    /** Starts a leaf certificate signed by {@code issuer}: valid from one hour ago for 365 days, no SANs. */
    public static LeafBuilder leaf(Issued issuer, String commonName) {
        return new LeafBuilder(issuer, commonName);
    }

    /** Builder of leaf certificates (client, server or both). */
    public static final class LeafBuilder {
        private final Issued issuer;
        private final String commonName;
        private final List<GeneralName> sans = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private boolean server;
        private boolean client = true;

        private LeafBuilder(Issued issuer, String commonName) {
            this.issuer = issuer;
            this.commonName = commonName;
        }

        public LeafBuilder dns(String name) {
            sans.add(new GeneralName(GeneralName.dNSName, name));
            return this;
        }

        public LeafBuilder ip(String address) {
            sans.add(new GeneralName(GeneralName.iPAddress, address));
            return this;
        }

        /** A URI SAN, e.g. a SPIFFE ID; not validated, so tests can issue malformed ones. */
        public LeafBuilder uri(String uri) {
            sans.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
            return this;
        }

        public LeafBuilder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** Server authentication only (TLS server certificate). */
        public LeafBuilder server() {
            this.server = true;
            this.client = false;
            return this;
        }

        public Issued issue() {
            KeyPair keys = ecKeyPair();
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                List<KeyPurposeId> purposes = new ArrayList<>();
                if (server) {
                    purposes.add(KeyPurposeId.id_kp_serverAuth);
                }
                if (client) {
                    purposes.add(KeyPurposeId.id_kp_clientAuth);
                }
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.certificate(), serial(),
                        Date.from(notBefore), Date.from(notAfter), name(commonName), keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                ext.createSubjectKeyIdentifier(keys.getPublic()))
                        .addExtension(Extension.authorityKeyIdentifier, false,
                                ext.createAuthorityKeyIdentifier(issuer.certificate()));
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)));
                }
                return new Issued(sign(b, issuer.keyPair()), keys);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create certificate for " + commonName, e);
            }
        }
    }

    /** A CRL by {@code ca} revoking {@code revoked}, issued now and due for update after {@code nextUpdate}. */
    public static X509CRL crl(Issued ca, Duration nextUpdate, X509Certificate... revoked) {
        Instant now = Instant.now();
        return crl(ca, now, now.plus(nextUpdate), revoked);
    }

    /**
     * A CRL by {@code ca} revoking {@code revoked}, issued at {@code thisUpdate}, due for update at {@code nextUpdate}
     * (none when null: RFC 5280 §5.1.2.5 requires it of conforming CAs, but it is optional in the syntax).
     */
    public static X509CRL crl(Issued ca, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(
                    ca.certificate().getSubjectX500Principal().getEncoded()), Date.from(thisUpdate));
            if (nextUpdate != null) {
                b.setNextUpdate(Date.from(nextUpdate));
            }
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(ca.keyPair().getPrivate());
            X509CRLHolder holder = b.build(signer);
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create CRL", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair signer) throws Exception {
        ContentSigner cs = new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(b.build(cs));
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Latchkey Dev")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }
}
