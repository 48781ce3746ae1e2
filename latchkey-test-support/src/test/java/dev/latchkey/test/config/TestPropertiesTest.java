package dev.latchkey.test.config;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TestPropertiesTest {

    @Test
    void whenSetThenTheNextConfigurationSeesThemAndAfterCloseThePreviousValuesAreBack() {
        System.setProperty("latchkey.test.kept", "before");
        try {
            assertEquals("before", value("latchkey.test.kept").orElseThrow());
            try (TestProperties ignored = TestProperties.set(Map.of("latchkey.test.kept", "during",
                    "latchkey.test.added", "new"))) {
                assertEquals("during", value("latchkey.test.kept").orElseThrow());
                assertEquals("new", value("latchkey.test.added").orElseThrow());
            }
            assertEquals("before", value("latchkey.test.kept").orElseThrow());
            assertEquals(Optional.empty(), value("latchkey.test.added"));
            assertNull(System.getProperty("latchkey.test.added"));
        } finally {
            System.clearProperty("latchkey.test.kept");
            TestProperties.releaseConfig();
        }
    }

    private static Optional<String> value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class);
    }
}
