package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySpec;
import dev.latchkey.auth.apikey.CreatedApiKey;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code apikey create|list|rotate|revoke}: key administration through {@link ApiKeyService}. A full key is printed
 * once, by {@code create} and {@code rotate}, on a line of its own starting with {@code key:}.
 */
public record ApiKeyCommand(ApiKeyService service, CliIo io) {

    /**
     * Checks the sub-command and its arguments before any store is opened; the action opens the service (and the
     * shared state store its writes are announced on) and closes them when done.
     */
    public static Action prepare(List<String> args, Supplier<ApiKeyServiceFactory.Opened> open, CliIo io) {
        SubCommand sub = SubCommand.of("apikey", args, "create, list, rotate or revoke");
        List<String> rest = sub.rest();
        return switch (sub.name()) {
            case "create" -> {
                Arguments a = Arguments.parse(rest, Set.of("--name", "--scopes", "--groups", "--expires"), Set.of())
                        .expectPositional(0, "");
                ApiKeySpec spec = new ApiKeySpec(nonBlank(a.required("--name"), "--name"), a.set("--scopes"),
                        a.set("--groups"), a.option("--expires").map(ApiKeyCommand::expiry).orElse(null), null);
                yield run(open, io, command -> command.create(spec));
            }
            case "list" -> {
                Arguments.parse(rest, Set.of(), Set.of()).expectPositional(0, "");
                yield run(open, io, ApiKeyCommand::list);
            }
            case "rotate" -> {
                Arguments a = Arguments.parse(rest, Set.of("--grace"), Set.of()).expectPositional(1, "key id");
                Duration grace = a.option("--grace").map(v -> duration("--grace", v)).orElse(Duration.ofHours(24));
                if (grace.isNegative()) {
                    throw new UsageException("--grace must not be negative");
                }
                yield run(open, io, command -> command.rotate(a.positional(0), grace));
            }
            case "revoke" -> {
                Arguments a = Arguments.parse(rest, Set.of(), Set.of()).expectPositional(1, "key id");
                yield run(open, io, command -> command.revoke(a.positional(0)));
            }
            default -> throw sub.unknown();
        };
    }

    private static Action run(Supplier<ApiKeyServiceFactory.Opened> open, CliIo io, Consumer<ApiKeyCommand> body) {
        return () -> {
            try (ApiKeyServiceFactory.Opened opened = open.get()) {
                body.accept(new ApiKeyCommand(opened.service(), io));
            }
        };
    }

    void create(ApiKeySpec spec) {
        CreatedApiKey created = service.create(spec);
        printKey(created);
        io.out().println("name:    " + spec.name());
        io.out().println("scopes:  " + String.join(",", new TreeSet<>(spec.scopes())));
        io.out().println("expires: " + (spec.expires() == null ? "never" : spec.expires()));
        io.out().println("The key is shown only once: store it now.");
    }

    void list() {
        Instant now = Instant.now();
        KeyListing.print(io, service.list(), "No API keys.", "%-26s %-16s %-6s %-11s %-28s %-22s %s%n",
                List.of("ID", "NAME", "ENV", "STATUS", "SCOPES", "EXPIRES", "LAST USED"),
                r -> List.of(r.keyId(), r.name(), r.environment(), KeyListing.status(r, now), KeyListing.scopes(r),
                        KeyListing.expires(r), r.lastUsed() == null ? "-" : r.lastUsed()));
    }

    void rotate(String keyId, Duration grace) {
        CreatedApiKey created = service.rotate(keyId, grace);
        printKey(created);
        service.find(keyId).map(ApiKeyRecord::graceUntil).ifPresent(until ->
                io.out().println("The old key " + keyId + " keeps working until " + until + "."));
        io.out().println("The key is shown only once: store it now.");
    }

    void revoke(String keyId) {
        ApiKeyRecord revoked = service.revoke(keyId);
        io.out().println("Revoked " + revoked.keyId() + " (" + revoked.name() + ") at " + revoked.revoked() + ".");
    }

    private void printKey(CreatedApiKey created) {
        io.out().println("id:      " + created.keyId());
        io.out().println("key:     " + created.key());
    }

    /** {@code --expires}: an ISO-8601 duration from now ({@code P90D}, {@code PT12H}) or an instant. */
    static Instant expiry(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            Duration d = duration("--expires", value);
            if (d.isNegative() || d.isZero()) {
                throw new UsageException("--expires must be in the future");
            }
            return Instant.now().plus(d).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires expects a duration like P90D or an instant like 2030-01-01T00:00:00Z");
        }
    }

    static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " expects an ISO-8601 duration like PT24H or P90D, got '" + value + "'");
        }
    }

    private static String nonBlank(String value, String option) {
        if (value.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        return value;
    }
}
