/**
 * The bearer-JWT credential kind ({@code jwt} in {@code latchkey.mechanisms}), built on Nimbus JOSE+JWT.
 *
 * <p>Pipeline: {@link dev.latchkey.auth.jwt.BearerTokenResolver} (RFC 6750 §2) &rarr;
 * {@link dev.latchkey.auth.jwt.JwtCredential} &rarr; {@code IdentityStoreHandler} &rarr;
 * {@link dev.latchkey.auth.jwt.JwtIdentityStore} &rarr; {@link dev.latchkey.auth.jwt.validation.JwtVerifier}
 * (RFC 7519 §7.2, RFC 8725) &rarr; {@link dev.latchkey.auth.jwt.mapping.JwtCallerMapper}. The kind is
 * {@link dev.latchkey.auth.jwt.JwtKind}; {@link dev.latchkey.auth.jwt.JwtProducers} builds the plain objects from one
 * {@link dev.latchkey.auth.jwt.config.JwtSettings} once. Certificate-bound tokens (RFC 8705 §3) are checked against the certificate
 * {@link dev.latchkey.auth.cert.ClientCertificateResolver} resolves: the TLS client certificate, or the one forwarded
 * by a proxy in {@code latchkey.trusted-proxies}.
 *
 * <h2>Configuration (MicroProfile Config)</h2>
 * <table>
 *   <caption>Properties and defaults</caption>
 *   <tr><td>{@code mp.jwt.verify.issuer}</td><td>required for the default issuer</td></tr>
 *   <tr><td>{@code mp.jwt.verify.publickey}</td><td>inline PEM / JWK / JWKS / Base64URL JWK(S); a key
 *   without {@code kid} matches any token {@code kid}</td></tr>
 *   <tr><td>{@code mp.jwt.verify.publickey.location}</td><td>{@code classpath:}, {@code file:}, a path (file, else
 *   class-path resource), or an http(s) URL serving JWKS, JWK or PEM; read at start-up when present, else at first use
 *   (503 until then); exactly one of publickey and location</td></tr>
 *   <tr><td>{@code mp.jwt.decrypt.key.location}</td><td>none; when set only signed-then-encrypted tokens (JWE,
 *   {@code cty: JWT}) are accepted, else a JWE is refused. Private RSA key(s) as PKCS#8 PEM / JWK / JWKS /
 *   Base64URL JWK(S)</td></tr>
 *   <tr><td>{@code mp.jwt.decrypt.key.algorithm}</td><td>{@code RSA-OAEP,RSA-OAEP-256} (RSA-OAEP-384/512
 *   allowed)</td></tr>
 *   <tr><td>{@code latchkey.jwt.decrypt.content-encryption}</td><td>{@code A256GCM} (A128GCM, A192GCM
 *   allowed)</td></tr>
 *   <tr><td>{@code mp.jwt.verify.publickey.algorithm}</td><td>{@code RS256,ES256}; allowed RS/PS/ES 256-512 and
 *   EdDSA</td></tr>
 *   <tr><td>{@code mp.jwt.verify.audiences}</td><td>none (then {@code aud} is not checked)</td></tr>
 *   <tr><td>{@code mp.jwt.verify.token.age}</td><td>none (seconds or ISO-8601 since {@code iat}, no leeway)</td></tr>
 *   <tr><td>{@code mp.jwt.verify.clock.skew}</td><td>60 (seconds or ISO-8601, at most 600 s)</td></tr>
 *   <tr><td>{@code mp.jwt.token.header} / {@code mp.jwt.token.cookie}</td><td>{@code Authorization} /
 *   {@code Bearer}</td></tr>
 *   <tr><td>{@code latchkey.jwt.required-claims}</td><td>none</td></tr>
 *   <tr><td>{@code latchkey.jwt.typ}</td><td>none (any); e.g. {@code at+jwt} (RFC 9068)</td></tr>
 *   <tr><td>{@code latchkey.jwt.max-token-bytes}</td><td>8192</td></tr>
 *   <tr><td>{@code latchkey.jwt.name-claims}</td><td>{@code upn,sub}</td></tr>
 *   <tr><td>{@code latchkey.jwt.groups-claim}</td><td>{@code groups} (dotted path allowed)</td></tr>
 *   <tr><td>{@code latchkey.jwt.min-rsa-bits}</td><td>2048 (1024 only when set explicitly, with a
 *   start-up warning)</td></tr>
 *   <tr><td>{@code latchkey.jwt.cache.max-size} / {@code .cache.ttl}</td><td>25000 (0 disables) / PT5M</td></tr>
 *   <tr><td>{@code latchkey.jwt.jwks.cache-ttl}, {@code .refresh-timeout}, {@code .refresh-ahead},
 *   {@code .min-refetch-interval}, {@code .retry}, {@code .outage-tolerance}, {@code .connect-timeout},
 *   {@code .read-timeout}, {@code .size-limit}, {@code .min-cache-ttl}, {@code .max-cache-ttl}</td><td>PT5M, PT15S,
 *   PT30S, PT30S, true, PT1H, PT2S, PT2S, 51200, min-refetch-interval, max(PT1H, cache-ttl); a remote key set lives
 *   for its {@code Cache-Control: max-age} (else cache-ttl) bounded by min/max-cache-ttl; min-refetch-interval
 *   &le; min-cache-ttl &le; cache-ttl &le; max-cache-ttl, timeouts at most {@code Integer.MAX_VALUE} ms</td></tr>
 *   <tr><td>{@code latchkey.jwt.issuers.<name>.issuer}, {@code .publickey}, {@code .publickey.location},
 *   {@code .audiences}, {@code .algorithm}</td><td>further issuers (algorithm defaults to the global list)</td></tr>
 *   <tr><td>{@code latchkey.api-key.prefixes}</td><td>{@code sk_live_,sk_test_}: Bearer values left to the API-key
 *   kind</td></tr>
 * </table>
 */
package dev.latchkey.auth.jwt;
