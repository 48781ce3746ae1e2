package dev.latchkey.auth.request;

import dev.latchkey.auth.request.Authorization.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one {@code Authorization} parser (RFC 9110 §11.4, §11.2) against well-formed and hostile values. */
class AuthorizationTest {

    private static Authorization parse(String value) {
        return Authorization.parse(value).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.DEF-_~+/==", "bearer abc.DEF-_~+/==", "BEARER abc.DEF-_~+/==",
            "Bearer  abc.DEF-_~+/==", "Bearer\tabc.DEF-_~+/==", " Bearer abc.DEF-_~+/== ", "\tBearer \t abc.DEF-_~+/==\t"})
    void whenSchemeInAnyCaseAndAnyWhitespaceThenOneToken68(String value) {
        Authorization a = parse(value);
        assertTrue(a.hasScheme(AuthScheme.BEARER));
        assertEquals(Form.TOKEN68, a.form());
        assertEquals(Optional.of("abc.DEF-_~+/=="), a.token68());
        assertFalse(a.folded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer \t ", "bearer"})
    void whenSchemeWithoutCredentialsThenFormNone(String value) {
        Authorization a = parse(value);
        assertTrue(a.hasScheme("Bearer"));
        assertEquals(Form.NONE, a.form());
        assertEquals(Optional.empty(), a.token68());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \t"})
    void whenBlankThenNoCredentials(String value) {
        assertEquals(Optional.empty(), Authorization.parse(value));
        assertEquals(Optional.empty(), Authorization.parse(null));
    }

    @Test
    void whenAuthParamsThenUnquotedByLowerCaseName() {
        Authorization a = parse("Digest Realm=\"api \\\"x\\\"\", nonce=abc , qop=auth,,");
        assertEquals(Form.PARAMS, a.form());
        assertEquals(Map.of("realm", "api \"x\"", "nonce", "abc", "qop", "auth"), a.params());
        assertEquals(Optional.empty(), a.token68());
        assertFalse(a.folded(), "commas between auth-params are the list's, not a second header's");
        assertEquals(Map.of("abc", "def"), parse("Bearer abc=def").params(), "not a token68: '=' only pads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer,", "Bearer,abc", "Bearer;abc", "Basic\u00e9abc", "Bearer\u00a0abc"})
    void whenNothingSeparatesSchemeFromCredentialsThenMalformedNotFolded(String value) {
        Authorization a = parse(value);
        assertEquals(Form.MALFORMED, a.form());
        assertFalse(a.folded());
        assertEquals(Optional.empty(), a.token68());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a b", "Bearer a=b=c", "Bearer \u00e9t\u00e9", "Basic a:b",
            "Bearer =abc", "Digest realm=\"open", "Digest realm=x, realm=y", "Digest realm=,", "Bearer a\u0000b"})
    void whenCredentialsAreNeitherToken68NorAuthParamsThenMalformed(String value) {
        assertEquals(Form.MALFORMED, parse(value).form());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a, Bearer b", "Bearer a,Bearer b", "Basic YTpi, Basic YzpK", "Bearer a,b"})
    void whenTwoCredentialsAreJoinedByACommaThenFolded(String value) {
        assertTrue(parse(value).folded(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00e9 abc", "=abc", ",Bearer abc", "\"Bearer\" abc"})
    void whenTheValueDoesNotStartWithAToken(String value) {
        Authorization a = parse(value);
        assertEquals("", a.scheme());
        assertEquals(Form.MALFORMED, a.form());
        assertFalse(a.hasScheme("Bearer"));
    }

    @Test
    void whenAnotherSchemeStartsWithTheNameThenItIsAnotherScheme() {
        assertFalse(parse("BearerToken abc").hasScheme("Bearer"));
        assertFalse(parse("Basicx abc").hasScheme("Basic"));
        assertEquals("BearerToken", parse("BearerToken abc").scheme());
    }

    @Test
    void whenVeryLongValuesThenParsedInLinearTime() {
        String token = "a".repeat(1_000_000) + "==";
        assertEquals(Optional.of(token), parse("Bearer " + token).token68());
        String params = "x=y, ".repeat(100_000) + "z=\"" + "q".repeat(100_000);
        assertEquals(Form.MALFORMED, parse("Digest " + params).form(), "an unterminated quoted-string");
        assertEquals(Form.MALFORMED, parse("Bearer " + "a ".repeat(500_000)).form());
    }

    @Test
    void whenPrintedThenCredentialsAreNot() {
        String printed = parse("Bearer secret-token").toString();
        assertFalse(printed.contains("secret"), printed);
        assertTrue(printed.contains("Bearer"), printed);
    }

    @Test
    void whenToken68ThenOnlyTrailingPaddingAllowed() {
        assertTrue(Authorization.isToken68("abc"));
        assertTrue(Authorization.isToken68("a-b.c_d~e+f/g=="));
        assertFalse(Authorization.isToken68(""));
        assertFalse(Authorization.isToken68("="));
        assertFalse(Authorization.isToken68("a=b"));
        assertFalse(Authorization.isToken68("a b"));
        assertFalse(Authorization.isToken68("a,b"));
    }
}
