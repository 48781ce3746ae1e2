package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.fixtures.StubKind;
import dev.latchkey.auth.jwt.JwtDefaults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Latchkey application with no mechanism enabled. */
class EmptyChainTest {

    private static final List<String> HINTS = List.of(new JwtDefaults(Optional.empty()).hint());

    @Test
    void whenNoMechanismThen401StillChallengesWithBearerRealm() {
        AuthenticatorChain none = new AuthenticatorChain(new MechanismSettings(List.of(), "orders"), Map.of(),
                new CredentialLogin(StubKind.ACCEPT), null);
        assertEquals(List.of("Bearer realm=\"orders\""), none.challenges());
    }

    @Test
    void whenNothingConfiguredThenWarningNamesTheEnablingProperties() {
        EmptyChainWarning warning = EmptyChainWarning.of(List.of("java.home", "server.port"), HINTS);
        assertEquals(Level.WARNING, warning.level());
        assertTrue(warning.message().contains("latchkey.mechanisms"), warning.message());
        assertTrue(warning.message().contains("mp.jwt.verify.issuer"), warning.message());
        assertTrue(warning.message().contains("@LoginConfig"), warning.message());
    }

    @Test
    void whenLatchkeyOrMpJwtPropertiesSetThenLouderAndNamesThemWithoutValues() {
        EmptyChainWarning warning = EmptyChainWarning.of(List.of("latchkey.api-key.prefixes", "mp.jwt.decrypt.key.location",
                "java.home"), HINTS);
        assertEquals(Level.SEVERE, warning.level());
        assertTrue(warning.message().contains("[latchkey.api-key.prefixes, mp.jwt.decrypt.key.location]"),
                warning.message());
        assertFalse(warning.message().contains("java.home"), warning.message());
    }

    @Test
    void whenOnlyAuthorizationSettingsAreSetThenPlainWarning() {
        EmptyChainWarning warning = EmptyChainWarning.of(List.of("latchkey.authorization.unannotated"), HINTS);
        assertEquals(Level.WARNING, warning.level());
    }
}
