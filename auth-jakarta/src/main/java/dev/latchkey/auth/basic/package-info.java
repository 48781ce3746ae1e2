/**
 * HTTP Basic authentication (RFC 7617), mechanism name {@code basic}.
 *
 * <p>Steps: {@link dev.latchkey.auth.basic.BasicCredentialResolver} (parse the header),
 * {@link dev.latchkey.auth.basic.LoginThrottle} (lockout, 429), the {@code IdentityStoreHandler} with the embedded
 * {@link dev.latchkey.auth.basic.UserFileIdentityStore} (PBKDF2 users file) or any application store, and
 * {@link dev.latchkey.auth.basic.BasicKind} tying them together; {@link dev.latchkey.auth.basic.BasicProducers} builds
 * them once from one {@link dev.latchkey.auth.basic.BasicSettings}. {@link dev.latchkey.auth.basic.UserFileAdmin}
 * and {@link dev.latchkey.auth.basic.PasswordPrompt} serve command-line user administration.
 *
 * <p>Configuration (see {@link dev.latchkey.auth.basic.BasicSettings}): {@code latchkey.basic.require-tls} (true),
 * {@code latchkey.basic.users-file} ({@code .latchkey/users.properties}), {@code latchkey.api-key.prefixes}
 * ({@code sk_live_,sk_test_}), {@code latchkey.basic.lockout.max-failures} (5),
 * {@code latchkey.basic.lockout.user-checks} (10/PT1M), {@code latchkey.basic.lockout.window} (PT15M),
 * {@code latchkey.basic.lockout.duration} (PT15M), {@code latchkey.basic.lockout.max-tracked} (100000),
 * {@code latchkey.basic.pbkdf2.iterations} (210000).
 *
 * <p>Behind a TLS-terminating proxy, {@code X-Forwarded-Proto: https} from a peer in {@code latchkey.trusted-proxies}
 * counts as TLS ({@link dev.latchkey.auth.request.ForwardedProto}); from any other peer only the connection counts.
 * The container's forwarded-header support (Jetty's {@code ForwardedRequestCustomizer}) must stay off: it believes
 * every peer and takes the client-written left-most {@code X-Forwarded-For} entry.
 */
package dev.latchkey.auth.basic;
