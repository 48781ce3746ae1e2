package dev.latchkey.auth.jwt.mp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test fixture: JWT callers with a claim of every JSON type, as Nimbus parses them (Map, List, Long, Double, ...). */
final class JwtCallers {

    static final String RAW = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";

    private JwtCallers() {
    }

    static Map<String, Object> claims(String subject) {
        return Map.ofEntries(
                Map.entry("iss", "https://issuer.test"),
                Map.entry("sub", subject),
                Map.entry("upn", subject + "@example.com"),
                Map.entry("aud", "api"),
                Map.entry("jti", "jti-" + subject),
                Map.entry("iat", 1_700_000_000L),
                Map.entry("exp", 1_700_000_600L),
                Map.entry("auth_time", 1_699_999_990L),
                Map.entry("groups", List.of("Tester", "Echoer")),
                Map.entry("customString", "value"),
                Map.entry("customInteger", 123456789L),
                Map.entry("customDouble", 3.141592653589793),
                Map.entry("customBoolean", true),
                Map.entry("customObject", Map.of("key", "v", "n", 1L)),
                Map.entry("customStringArray", List.of("a", "b")),
                Map.entry("customIntegerArray", List.of(0L, 1L, 2L)));
    }

    static JwtCaller caller(String subject) {
        return new JwtCaller(subject + "@example.com", Set.of("Tester", "Echoer"), Set.of("read"), claims(subject),
                "jti-" + subject, RAW + subject);
    }
}
