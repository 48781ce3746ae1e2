package dev.latchkey.auth.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReloadingFileTest {

    @TempDir
    Path dir;

    private final AtomicInteger parses = new AtomicInteger();
    /** When set, appended to the file by the next parse after it has read it: a writer still at work. */
    private final AtomicReference<String> appendWhileParsing = new AtomicReference<>();

    private String parse(Path file) throws IOException {
        parses.incrementAndGet();
        String text = Files.readString(file).trim();
        String rest = appendWhileParsing.getAndSet(null);
        if (rest != null) {
            Files.writeString(file, rest, StandardOpenOption.APPEND);
        }
        if (text.startsWith("bad")) {
            throw new IOException("line 1: not valid");
        }
        return text;
    }

    private ReloadingFile<String> reloading(Path file, String whenMissing) {
        return new ReloadingFile<>(file, "test file", this::parse, whenMissing);
    }

    @Test
    void whenUnchangedThenParsedOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "one");
        ReloadingFile<String> f = reloading(file, null);

        assertEquals("one", f.get());
        assertEquals("one", f.get());
        assertEquals(1, parses.get());
    }

    @Test
    void whenReplacedAtomicallyWithTheSameTimeAndSizeThenReloaded() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "one");
        FileTime time = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, time);
        ReloadingFile<String> f = reloading(file, null);
        assertEquals("one", f.get());

        Path next = Files.writeString(dir.resolve("f.tmp"), "two");
        Files.setLastModifiedTime(next, time);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertEquals("two", f.get(), "a new file (inode) with the same time and size is a new version");
    }

    @Test
    void whenNewVersionIsBadThenLastGoodKeptAndNotReparsedUntilItChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "one");
        ReloadingFile<String> f = reloading(file, null);
        assertEquals("one", f.get());

        Files.writeString(file, "bad content");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("one", f.get());
        assertEquals("one", f.get());
        assertEquals(2, parses.get());

        Files.writeString(file, "three");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals("three", f.get());
    }

    @Test
    void whenNeverUsableThenGetThrowsWithTheReasonButNotTheContent() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "bad secret-value");
        ReloadingFile<String> f = reloading(file, null);

        IOException e = assertThrows(IOException.class, f::get);
        assertTrue(e.getMessage().contains("line 1: not valid"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-value"), e.getMessage());
        assertThrows(IOException.class, f::get);
        assertEquals(1, parses.get(), "a bad version is parsed once");
    }

    @Test
    void whenMissingThenTheMissingValueOrAnError() throws Exception {
        Path file = dir.resolve("absent");

        assertEquals("none", reloading(file, "none").get());
        IOException e = assertThrows(IOException.class, () -> reloading(file, null).get());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        ReloadingFile<String> f = reloading(file, "none");
        assertEquals("none", f.get());
        Files.writeString(file, "created");
        assertEquals("created", f.get());
    }

    @Test
    void whenFileChangesWhileParsedThenThatReadIsNotAcceptedAndTheNextCallRereads() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "one");
        ReloadingFile<String> f = reloading(file, null);
        assertEquals("one", f.get());

        Files.writeString(file, "two-partial");
        appendWhileParsing.set(" and-the-rest");
        assertEquals("one", f.get(), "a torn read that parses does not replace the last good version");
        assertEquals("two-partial and-the-rest", f.get());
        assertEquals("two-partial and-the-rest", f.get());
        assertEquals(3, parses.get());
    }

    @Test
    void whenFirstVersionChangesWhileParsedThenUnusableUntilReadWhole() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "first-partial");
        ReloadingFile<String> f = reloading(file, null);

        appendWhileParsing.set(" and-the-rest");
        IOException e = assertThrows(IOException.class, f::get);
        assertTrue(e.getMessage().contains("changed while being read"), e.getMessage());
        assertEquals("first-partial and-the-rest", f.get());
    }
}
