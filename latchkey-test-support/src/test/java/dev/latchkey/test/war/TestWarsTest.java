package dev.latchkey.test.war;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestWarsTest {

    /** A class that exists only to be copied, with a nested class. */
    static final class Fixture {
        static final class Nested {
        }
    }

    @Test
    void whenAWarIsBuiltThenItHoldsBeansXmlTheConfigurationAndTheClassFiles() throws IOException {
        WebArchive war = TestWars.withClassFiles(TestWars.war("app", Map.of("mp.jwt.verify.issuer", "https://i")),
                TestWarsTest.class, "dev.latchkey.test.war", "TestWarsTest$Fixture");
        assertTrue(war.contains("WEB-INF/beans.xml"));
        String config = read(war, "WEB-INF/classes/META-INF/microprofile-config.properties");
        assertTrue(config.contains("mp.jwt.verify.issuer=https\\://i"), config);
        assertTrue(war.contains("WEB-INF/classes/dev/latchkey/test/war/TestWarsTest$Fixture.class"));
        assertTrue(war.contains("WEB-INF/classes/dev/latchkey/test/war/TestWarsTest$Fixture$Nested.class"));
        assertThrows(IllegalArgumentException.class,
                () -> TestWars.withClassFiles(war, TestWarsTest.class, "dev.latchkey.test.war", "Absent"));
    }

    @Test
    void whenLibrariesAreListedThenEveryJarOfEveryDirectoryComesSorted(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.writeString(a.resolve("z.jar"), "");
        Files.writeString(b.resolve("y.jar"), "");
        Files.writeString(b.resolve("notes.txt"), "");
        String before = System.getProperty(TestWars.LIBRARIES_PROPERTY);
        System.setProperty(TestWars.LIBRARIES_PROPERTY, a + File.pathSeparator + b);
        try {
            assertEquals(List.of(a.resolve("z.jar").toFile(), b.resolve("y.jar").toFile()).stream().sorted().toList(),
                    TestWars.libraries());
            System.setProperty(TestWars.LIBRARIES_PROPERTY, dir.resolve("empty").toString());
            assertThrows(IllegalStateException.class, TestWars::libraries);
        } finally {
            if (before == null) {
                System.clearProperty(TestWars.LIBRARIES_PROPERTY);
            } else {
                System.setProperty(TestWars.LIBRARIES_PROPERTY, before);
            }
        }
    }

    private static String read(WebArchive war, String path) throws IOException {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
