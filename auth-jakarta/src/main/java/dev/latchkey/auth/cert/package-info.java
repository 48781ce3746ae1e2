/**
 * Client-certificate (mTLS) authentication, mechanism name {@code client-cert}.
 *
 * <p>The TLS layer validates the chain: configure the container's trust store with the client CA(s) and request
 * client certificates (embedded Jetty: {@code SslContextFactory.Server} with {@code setTrustStorePath},
 * {@code setTrustStorePassword} and {@code setWantClientAuth(true)} — "want" so that other mechanisms still work
 * without a certificate — or {@code setNeedClientAuth(true)}). Latchkey then takes the leaf
 * ({@link dev.latchkey.auth.cert.ClientCertificateResolver}), checks its validity period and revocation and maps it to a
 * caller ({@link dev.latchkey.auth.cert.ClientCertificateIdentityStore},
 * {@link dev.latchkey.auth.cert.CertificateCallerMapper}, {@link dev.latchkey.auth.cert.CertificateMappings}).
 * A certificate forwarded by a trusted proxy passed no handshake here: Latchkey validates its chain itself against
 * {@code latchkey.client-cert.trust-anchors} (PKIX), and refuses it without anchors.
 *
 * <p>Configuration (see {@link dev.latchkey.auth.cert.ClientCertificateSettings}): {@code latchkey.client-cert.principal}
 * (spiffe), {@code latchkey.client-cert.trust-domains} (none), {@code latchkey.client-cert.mapping-file},
 * {@code latchkey.client-cert.crl-file}, {@code latchkey.trusted-proxies} (none),
 * {@code latchkey.client-cert.forwarded-format} (xfcc), {@code latchkey.client-cert.forwarded-header},
 * {@code latchkey.client-cert.forwarded-element} (single), {@code latchkey.client-cert.trust-anchors} (none),
 * {@code latchkey.client-cert.crl-stale} (fail).
 *
 * <p>Development certificates (a CA, server and client certificates, CRLs) for trying this out come from the separate
 * {@code latchkey-dev-certs} module (package {@code dev.latchkey.devcerts}), which the sample application and the tests
 * use; the library itself issues no certificates and does not depend on BouncyCastle.
 */
package dev.latchkey.auth.cert;
