package dev.latchkey.sample.cli;

import dev.latchkey.auth.signature.keys.ClientKeyRecord;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.IssuedKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code signature register|hmac|list|rotate|revoke}: the signing keys of clients (RFC 9421), through
 * {@link ClientKeyService}. A client's public key is registered from a PEM or JWK file; an HMAC secret is generated
 * and printed once, on a line of its own starting with {@code secret:}.
 */
public record SignatureKeyCommand(ClientKeyService service, CliIo io) {

    /** Checks the sub-command and its arguments before any store is opened. */
    public static Action prepare(List<String> args, Supplier<ClientKeyService> service, CliIo io) {
        SubCommand sub = SubCommand.of("signature", args, "register, hmac, list, rotate or revoke");
        List<String> rest = sub.rest();
        Set<String> grant = Set.of("--client", "--scopes", "--groups", "--expires");
        return switch (sub.name()) {
            case "register" -> {
                Arguments a = Arguments.parse(rest, union(grant, "--public-key"), Set.of()).expectPositional(0, "");
                String client = a.required("--client");
                String file = a.required("--public-key");
                Instant expires = expiry(a);
                yield () -> {
                    ClientKeyService s = service.get();
                    new SignatureKeyCommand(s, io).print(s.registerPublicKey(client, read(file), a.set("--scopes"),
                            a.set("--groups"), expires));
                };
            }
            case "hmac" -> {
                Arguments a = Arguments.parse(rest, grant, Set.of()).expectPositional(0, "");
                String client = a.required("--client");
                Instant expires = expiry(a);
                yield () -> {
                    ClientKeyService s = service.get();
                    new SignatureKeyCommand(s, io).print(s.createHmacKey(client, a.set("--scopes"), a.set("--groups"),
                            expires));
                };
            }
            case "list" -> {
                Arguments.parse(rest, Set.of(), Set.of()).expectPositional(0, "");
                yield () -> new SignatureKeyCommand(service.get(), io).list();
            }
            case "rotate" -> {
                Arguments a = Arguments.parse(rest, Set.of("--grace", "--public-key"), Set.of())
                        .expectPositional(1, "key id");
                Duration grace = a.option("--grace").map(v -> ApiKeyCommand.duration("--grace", v))
                        .orElse(Duration.ofHours(24));
                if (grace.isNegative()) {
                    throw new UsageException("--grace must not be negative");
                }
                String file = a.option("--public-key").orElse(null);
                yield () -> {
                    ClientKeyService s = service.get();
                    new SignatureKeyCommand(s, io).rotated(a.positional(0),
                            s.rotate(a.positional(0), grace, file == null ? null : read(file)));
                };
            }
            case "revoke" -> {
                Arguments a = Arguments.parse(rest, Set.of(), Set.of()).expectPositional(1, "key id");
                yield () -> {
                    ClientKeyRecord r = service.get().revoke(a.positional(0));
                    io.out().println("Revoked " + r.keyId() + " (" + r.client() + ") at " + r.revoked() + ".");
                };
            }
            default -> throw sub.unknown();
        };
    }

    void print(IssuedKey issued) {
        ClientKeyRecord r = issued.record();
        io.out().println("id:        " + r.keyId());
        io.out().println("algorithm: " + r.algorithm());
        issued.secret().ifPresent(s -> io.out().println("secret:    " + s));
        io.out().println("client:    " + r.client());
        io.out().println("scopes:    " + String.join(",", new TreeSet<>(r.scopes())));
        io.out().println("expires:   " + (r.expires() == null ? "never" : r.expires()));
        if (issued.secret().isPresent()) {
            io.out().println("The secret is shown only once: store it now.");
        }
    }

    void rotated(String oldKeyId, IssuedKey replacement) {
        print(replacement);
        service.find(oldKeyId).map(ClientKeyRecord::graceUntil).ifPresent(until ->
                io.out().println("The old key " + oldKeyId + " keeps working until " + until + "."));
    }

    void list() {
        Instant now = Instant.now();
        KeyListing.print(io, service.list(), "No signature keys.", "%-26s %-18s %-18s %-11s %-28s %s%n",
                List.of("ID", "CLIENT", "ALGORITHM", "STATUS", "SCOPES", "EXPIRES"),
                r -> List.of(r.keyId(), r.client(), r.algorithm(), KeyListing.status(r, now), KeyListing.scopes(r),
                        KeyListing.expires(r)));
    }

    private static Instant expiry(Arguments a) {
        return a.option("--expires").map(ApiKeyCommand::expiry).orElse(null);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> out = new TreeSet<>(a);
        out.add(b);
        return out;
    }
}
