package dev.latchkey.sample.cli;

import dev.latchkey.sample.jwt.DPoPKey;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.sample.jwt.DevSigningKey;
import dev.latchkey.sample.jwt.SampleJwtSettings;
import dev.latchkey.sample.jwt.SampleTokens;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code token --sub NAME [--scope "a b"] [--groups a,b] [--ttl PT15M] [--aud AUD] [--expired] [--dpop-key FILE]}:
 * prints one access
 * token signed with the development key (generated when absent; a note goes to standard error) and nothing else on
 * standard output, so that {@code TOKEN=$(java -jar sample-app.jar token ...)} works. {@code --expired} mints a token
 * that expired five minutes ago (beyond the default 60 s clock skew), to try the 401. {@code --dpop-key} binds the
 * token to the EC key in {@code FILE} (generated there when absent) with {@code cnf.jkt} (RFC 9449 §6.1): it is then
 * used with {@code Authorization: DPoP} and a proof from {@code dpop-proof --key FILE}.
 */
public final class TokenCommand {

    static final Duration MAX_TTL = Duration.ofHours(24);
    static final Duration EXPIRED_AGO = Duration.ofMinutes(5);

    private TokenCommand() {
    }

    /** Parses the arguments first (usage errors before any file is touched), then returns the action. */
    public static Action prepare(List<String> args, Supplier<SampleJwtSettings> settings, Clock clock, CliIo io) {
        if (!args.isEmpty() && args.get(0).equals("revoke")) {
            return TokenRevokeCommand.prepare(args.subList(1, args.size()), ConfigReader::current, clock, io);
        }
        Arguments a = Arguments.parse(args, Set.of("--sub", "--scope", "--groups", "--ttl", "--aud", "--dpop-key"),
                Set.of("--expired")).expectPositional(0, "");
        String subject = a.required("--sub");
        List<String> scopes = a.option("--scope").map(TokenCommand::words).orElse(List.of());
        List<String> groups = List.copyOf(a.set("--groups"));
        Duration ttl = a.option("--ttl").map(TokenCommand::ttl).orElse(SampleTokens.DEFAULT_TTL);
        List<String> audience = List.copyOf(a.set("--aud"));
        boolean expired = a.flag("--expired");
        Path dpopKey = a.option("--dpop-key").map(Path::of).orElse(null);
        return () -> {
            SampleJwtSettings s = settings.get();
            DevSigningKey key = DevSigningKey.ensure(s.keyDirectory());
            if (key.generated()) {
                io.err().println("Generated a development signing key in " + key.directory() + " (kid "
                        + key.keyId() + ")");
            }
            List<String> aud = !audience.isEmpty() ? audience
                    : s.audiences().isEmpty() ? List.of() : List.of(s.audiences().get(0));
            Instant issuedAt = expired ? clock.instant().minus(ttl).minus(EXPIRED_AGO) : clock.instant();
            String jkt = null;
            if (dpopKey != null) {
                DPoPKey bound = DPoPKey.ensure(dpopKey);
                if (bound.generated()) {
                    io.err().println("Generated a DPoP key in " + dpopKey);
                }
                jkt = bound.thumbprint();
            }
            io.out().println(SampleTokens.mint(key, new SampleTokens.Request(s.issuer(), subject, aud, scopes,
                    groups, issuedAt, ttl, jkt)));
        };
    }

    /** Scopes separated by spaces (RFC 6749 §3.3) or commas. */
    static List<String> words(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** An ISO-8601 duration or a number of seconds, positive and at most a day. */
    static Duration ttl(String value) {
        boolean seconds = value.length() <= 9 && value.chars().allMatch(Character::isDigit);
        Duration ttl = seconds ? Duration.ofSeconds(Long.parseLong(value)) : ApiKeyCommand.duration("--ttl", value);
        if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new UsageException("--ttl must be positive and at most " + MAX_TTL + ", got '" + value + "'");
        }
        return ttl;
    }
}
