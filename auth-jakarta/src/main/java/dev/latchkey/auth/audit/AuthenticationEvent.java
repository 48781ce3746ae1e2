package dev.latchkey.auth.audit;

import java.time.Instant;

/**
 * A CDI event fired once per authentication outcome. Applications observe it with
 * {@code void on(@Observes AuthenticationEvent e)}. It never holds a secret: {@code credentialId} is a key id, a token
 * {@code jti} or a certificate serial.
 *
 * @param outcome       success, failure or challenge (no credential on a protected resource)
 * @param mechanism     the credential kind involved, or {@code null} for a challenge or a conflict
 * @param reason        machine-readable reason code for failures ({@code token_expired}, ...), {@code null} on success
 * @param status        the HTTP status answered (200 meaning "continue" on success)
 * @param caller        the caller name on success, else {@code null}
 * @param credentialId  non-secret credential id, or {@code null}
 * @param remoteAddress the client address as the container sees it
 * @param path          the request URI path
 * @param at            when it happened
 */
public record AuthenticationEvent(Outcome outcome, String mechanism, String reason, int status, String caller,
                                  String credentialId, String remoteAddress, String path, Instant at) {

    public enum Outcome { SUCCESS, FAILURE, CHALLENGE }
}
