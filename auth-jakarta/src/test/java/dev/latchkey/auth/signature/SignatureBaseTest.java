package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.sfv.InnerList;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Parameters;
import dev.latchkey.auth.request.sfv.StructuredFields;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The component values of RFC 9421 §2.1 and §2.2 (the RFC's examples), and the errors of §2.5. */
class SignatureBaseTest {

    private static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("Host", List.of("www.example.com"));
        HEADERS.put("Date", List.of("Tue, 20 Apr 2021 02:07:56 GMT"));
        HEADERS.put("X-OWS-Header", List.of("   Leading and trailing whitespace.  "));
        HEADERS.put("X-Obs-Fold-Header", List.of("Obsolete\r\n    line folding."));
        HEADERS.put("Cache-Control", List.of("max-age=60", "   must-revalidate"));
        HEADERS.put("Example-Dict", List.of(" a=1,    b=2;x=1;y=2,   c=(a   b   c)"));
        HEADERS.put("X-Empty-Header", List.of(""));
        HEADERS.put("Example-Header", List.of("value, with, lots", "of, commas"));
    }

    private static String line(String component, String uri) throws Exception {
        return line(component, uri, HEADERS);
    }

    private static String line(String component, String uri, Map<String, List<String>> headers) throws Exception {
        Item item = StructuredFields.parseItem(component);
        ComponentIdentifier id = new ComponentIdentifier((String) item.value(), item.parameters());
        RequestComponents request = new UriRequestComponents("POST", URI.create(uri), headers, false);
        StructuredFieldTypes types = StructuredFieldTypes.BUILT_IN.with(
                Map.of("Example-Dict", StructuredFieldTypes.Type.DICTIONARY));
        String base = new String(new SignatureBase(request, types).build(List.of(id),
                new InnerList(List.of(id.toItem()), Parameters.EMPTY)), StandardCharsets.US_ASCII);
        return base.substring(0, base.indexOf('\n'));
    }

    private static String line(String component) throws Exception {
        return line(component, "https://www.example.com/path?param=value");
    }

    @Test
    void whenFieldsCoveredThenValuesCanonicalisedAsRfc9421Section21() throws Exception {
        assertEquals("\"host\": www.example.com", line("\"host\""));
        assertEquals("\"x-ows-header\": Leading and trailing whitespace.", line("\"x-ows-header\""));
        assertEquals("\"x-obs-fold-header\": Obsolete line folding.", line("\"x-obs-fold-header\""));
        assertEquals("\"cache-control\": max-age=60, must-revalidate", line("\"cache-control\""));
        assertEquals("\"example-dict\": a=1,    b=2;x=1;y=2,   c=(a   b   c)", line("\"example-dict\""));
        assertEquals("\"x-empty-header\": ", line("\"x-empty-header\""));
    }

    @Test
    void whenStructuredParametersUsedThenStrictSerialisationAsRfc9421Sections211To213() throws Exception {
        assertEquals("\"example-dict\";sf: a=1, b=2;x=1;y=2, c=(a b c)", line("\"example-dict\";sf"));
        assertEquals("\"example-dict\";key=\"a\": 1", line("\"example-dict\";key=\"a\""));
        assertEquals("\"example-dict\";key=\"b\": 2;x=1;y=2", line("\"example-dict\";key=\"b\""));
        assertEquals("\"example-dict\";key=\"c\": (a b c)", line("\"example-dict\";key=\"c\""));
        assertEquals("\"example-header\";bs: :dmFsdWUsIHdpdGgsIGxvdHM=:, :b2YsIGNvbW1hcw==:",
                line("\"example-header\";bs"));
    }

    @Test
    void whenDerivedComponentsCoveredThenValuesAsRfc9421Section22() throws Exception {
        String uri = "https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman";
        assertEquals("\"@method\": POST", line("\"@method\"", uri));
        assertEquals("\"@target-uri\": https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman",
                line("\"@target-uri\"", uri));
        assertEquals("\"@authority\": www.example.com", line("\"@authority\"", "https://WWW.Example.com:443/"));
        assertEquals("\"@authority\": www.example.com:8443", line("\"@authority\"", "https://www.example.com:8443/"));
        assertEquals("\"@scheme\": http", line("\"@scheme\"", "HTTP://www.example.com/"));
        assertEquals("\"@request-target\": /path?param=value&foo=bar&baz=bat%2Dman", line("\"@request-target\"", uri));
        assertEquals("\"@path\": /path", line("\"@path\"", uri));
        assertEquals("\"@path\": /", line("\"@path\"", "https://www.example.com"));
        assertEquals("\"@query\": ?param=value&foo=bar&baz=bat%2Dman", line("\"@query\"", uri));
        assertEquals("\"@query\": ?queryString", line("\"@query\"", "https://www.example.com/path?queryString"));
        assertEquals("\"@query\": ?", line("\"@query\"", "https://www.example.com/path"));
    }

    @Test
    void whenQueryParamsCoveredThenDecodedAndReencodedAsRfc9421Section228() throws Exception {
        String uri = "https://www.example.com/path?param=value&foo=bar&baz=batman&qux=";
        assertEquals("\"@query-param\";name=\"baz\": batman", line("\"@query-param\";name=\"baz\"", uri));
        assertEquals("\"@query-param\";name=\"qux\": ", line("\"@query-param\";name=\"qux\"", uri));
        String odd = "https://www.example.com/parameters?var=this%20is%20a%20big%0Amultiline%20value"
                + "&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something";
        assertEquals("\"@query-param\";name=\"var\": this%20is%20a%20big%0Amultiline%20value",
                line("\"@query-param\";name=\"var\"", odd));
        assertEquals("\"@query-param\";name=\"bar\": with%20plus%20whitespace",
                line("\"@query-param\";name=\"bar\"", odd));
        assertEquals("\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\": something",
                line("\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\"", odd));
    }

    @Test
    void whenComponentCannotBeResolvedThenError() {
        String uri = "https://www.example.com/path?a=1&a=2";
        for (String bad : List.of("\"x-absent\"", "\"@unknown\"", "\"@status\"", "\"@method\";req",
                "\"date\";tr", "\"date\";req", "\"date\";foo", "\"@query-param\";name=\"a\"",
                "\"@query-param\";name=\"b\"", "\"@query-param\"", "\"@path\";name=\"x\"", "\"example-dict\";key=\"zz\"",
                "\"example-header\";bs;sf", "\"date\";sf", "\"Date\"", "\"x-ows-header\";key=\"a\"")) {
            assertThrows(SignatureBaseException.class, () -> line(bad, uri), bad);
        }
    }

    @Test
    void whenComponentRepeatedWithParametersReorderedThenError() {
        ComponentIdentifier a = new ComponentIdentifier("example-dict",
                Parameters.EMPTY.with("key", "a").with("sf", true));
        ComponentIdentifier b = new ComponentIdentifier("example-dict",
                Parameters.EMPTY.with("sf", true).with("key", "a"));
        assertTrue(a.sameComponent(b));
        RequestComponents request = new UriRequestComponents("GET", URI.create("https://x.example/"), HEADERS, false);
        assertThrows(SignatureBaseException.class, () -> new SignatureBase(request, StructuredFieldTypes.BUILT_IN)
                .build(List.of(a, b), new InnerList(List.of(a.toItem(), b.toItem()), Parameters.EMPTY)));
    }

    @Test
    void whenFieldValueHasNonAsciiOrNewlineThenErrorUnlessByteSequence() throws Exception {
        Map<String, List<String>> headers = Map.of("X-Latin", List.of("caf\u00e9"), "X-Split", List.of("a\nb"));
        assertThrows(SignatureBaseException.class, () -> line("\"x-latin\"", "https://x.example/", headers));
        assertThrows(SignatureBaseException.class, () -> line("\"x-split\"", "https://x.example/", headers));
        assertEquals("\"x-latin\";bs: :Y2Fm6Q==:", line("\"x-latin\";bs", "https://x.example/", headers));
    }
}
