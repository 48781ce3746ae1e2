package dev.latchkey.sample.cli;

import dev.latchkey.auth.jwt.revocation.SharedJtiDenylist;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.state.select.StateStores;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code token revoke JTI --until EXP [--issuer ISS]}: puts a token id on the denylist every instance shares
 * ({@code latchkey.state.store=jdbc|redis}) until the token's {@code exp} (an ISO-8601 instant or the claim's epoch
 * seconds). The issuer defaults to {@code mp.jwt.verify.issuer}; a {@code jti} is unique per issuer
 * (RFC 7519 §4.1.7).
 */
public final class TokenRevokeCommand {

    private TokenRevokeCommand() {
    }

    public static Action prepare(List<String> args, Supplier<ConfigReader> config, Clock clock, CliIo io) {
        Arguments a = Arguments.parse(args, Set.of("--until", "--issuer"), Set.of()).expectPositional(1, "token id");
        String jti = a.positional(0);
        Instant until = until(a.required("--until"));
        return () -> {
            ConfigReader c = config.get();
            String issuer = a.option("--issuer").or(() -> c.string("mp.jwt.verify.issuer")).orElseThrow(() ->
                    new UsageException("--issuer is needed when mp.jwt.verify.issuer is not set"));
            StateSettings settings = StateSettings.from(c);
            if (!settings.shared()) {
                throw new ConfigurationException(StateSettings.STORE, "token revoke needs the store the servers "
                        + "share (jdbc or redis): a memory denylist would be lost when the command exits");
            }
            try (StateStore store = StateStores.open(settings, clock)) {
                SharedJtiDenylist.on(store, clock).revoke(issuer, jti, until);
            }
            io.out().println("revoked: " + jti + " (issuer " + issuer + ") until " + until);
        };
    }

    /** The token's {@code exp}: an ISO-8601 instant, or seconds since the epoch (the claim's own form). */
    static Instant until(String value) {
        try {
            return value.chars().allMatch(Character::isDigit) && !value.isEmpty()
                    ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UsageException("--until must be the token's exp: an instant such as 2030-01-01T00:00:00Z or "
                    + "epoch seconds, got '" + value + "'");
        }
    }
}
