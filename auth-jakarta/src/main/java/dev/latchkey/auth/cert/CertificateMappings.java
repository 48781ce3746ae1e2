package dev.latchkey.auth.cert;

import dev.latchkey.auth.config.ConfigurationException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups and scopes for certificate callers, from the JSON file {@code latchkey.client-cert.mapping-file}:
 * <pre>
 * {
 *   "spiffe://prod.example/ns/payments/sa/api": { "groups": ["payments", "admin"], "scopes": "payments:admin" },
 *   "spiffe://prod.example/ns/payments/*":      { "groups": ["payments"], "scopes": ["payments:read", "payments:write"] },
 *   "CN=legacy-batch,O=Example":               { "groups": ["batch"] }
 * }
 * </pre>
 * Keys are caller names (whatever {@code latchkey.client-cert.principal} produced); a key ending in {@code *} matches
 * every name starting with what precedes it. {@code scopes} is an array or a space-separated string (RFC 6749 §3.3).
 * An exact key wins; otherwise the longest matching pattern; an unmatched caller has no groups and no scopes.
 */
public final class CertificateMappings {

    /** Groups and scopes of one rule. */
    public record Grant(Set<String> groups, Set<String> scopes) {
        public static final Grant NONE = new Grant(Set.of(), Set.of());

        public Grant {
            groups = Set.copyOf(groups);
            scopes = Set.copyOf(scopes);
        }
    }

    private record Pattern(String prefix, Grant grant) {
    }

    public static final CertificateMappings EMPTY = new CertificateMappings(Map.of(), List.of());

    private final Map<String, Grant> exact;
    private final List<Pattern> patterns;

    private CertificateMappings(Map<String, Grant> exact, List<Pattern> patterns) {
        this.exact = Map.copyOf(exact);
        this.patterns = patterns.stream().sorted(Comparator.comparingInt((Pattern p) -> p.prefix().length()).reversed())
                .toList();
    }

    public Grant grantFor(String callerName) {
        Grant g = exact.get(callerName);
        if (g != null) {
            return g;
        }
        return patterns.stream().filter(p -> callerName.startsWith(p.prefix())).findFirst().map(Pattern::grant)
                .orElse(Grant.NONE);
    }

    /** Loads the file; any problem is a {@link ConfigurationException} naming {@code property}. */
    public static CertificateMappings load(Path file, String property) {
        try (Reader r = Files.newBufferedReader(file)) {
            return parse(r, property);
        } catch (IOException e) {
            throw new ConfigurationException(property, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static CertificateMappings parse(Reader reader, String property) {
        JsonObject root;
        try {
            root = JsonProvider.provider().createReader(reader).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ConfigurationException(property, "not a JSON object: " + e.getMessage(), e);
        }
        Map<String, Grant> exact = new HashMap<>();
        List<Pattern> patterns = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : root.entrySet()) {
            String key = e.getKey();
            if (!(e.getValue() instanceof JsonObject rule)) {
                throw new ConfigurationException(property, "rule for '" + key + "' must be an object");
            }
            Grant grant = new Grant(strings(rule.get("groups"), property, key),
                    strings(rule.get("scopes"), property, key));
            int star = key.indexOf('*');
            if (star < 0) {
                exact.put(key, grant);
            } else if (star == key.length() - 1) {
                patterns.add(new Pattern(key.substring(0, star), grant));
            } else {
                throw new ConfigurationException(property, "'*' is allowed only at the end: '" + key + "'");
            }
        }
        return new CertificateMappings(exact, patterns);
    }

    private static Set<String> strings(JsonValue v, String property, String key) {
        if (v == null || v == JsonValue.NULL) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof JsonString s) {
            Arrays.stream(s.getString().split(" ")).filter(x -> !x.isEmpty()).forEach(out::add);
        } else if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (!(item instanceof JsonString s) || s.getString().isBlank()) {
                    throw new ConfigurationException(property, "rule for '" + key + "': entries must be strings");
                }
                out.add(s.getString());
            }
        } else {
            throw new ConfigurationException(property, "rule for '" + key + "': expected an array or a string");
        }
        return out;
    }
}
