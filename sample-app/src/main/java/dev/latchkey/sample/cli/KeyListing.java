package dev.latchkey.sample.cli;

import dev.latchkey.auth.keylife.KeyLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/** The {@code list} table of a kind's key records (API keys, signature keys): the columns every key has, once. */
final class KeyListing {

    private KeyListing() {
    }

    /** Prints {@code records}, one {@code format} line each under a {@code header} line, or {@code none}. */
    static <R extends KeyLifecycle<R>> void print(CliIo io, List<R> records, String none, String format,
                                                  List<String> header, Function<R, List<Object>> row) {
        if (records.isEmpty()) {
            io.out().println(none);
            return;
        }
        io.out().printf(format, header.toArray());
        records.forEach(r -> io.out().printf(format, row.apply(r).toArray()));
    }

    /** The status at {@code now}; {@code GRACE} for an active key already replaced by a rotation. */
    static String status(KeyLifecycle<?> r, Instant now) {
        KeyLifecycle.Status s = r.status(now);
        return s == KeyLifecycle.Status.ACTIVE && r.replacedBy() != null ? "GRACE" : s.name();
    }

    static String scopes(KeyLifecycle<?> r) {
        return String.join(",", new TreeSet<>(r.scopes()));
    }

    static Object expires(KeyLifecycle<?> r) {
        return r.expires() == null ? "never" : r.expires();
    }
}
