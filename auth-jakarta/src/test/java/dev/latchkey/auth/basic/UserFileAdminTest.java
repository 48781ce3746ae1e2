package dev.latchkey.auth.basic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserFileAdminTest {

    @TempDir
    Path dir;

    @Test
    void whenUsersAddedThenFileRoundTripsAndHoldsNoPlainPassword() throws Exception {
        Path file = dir.resolve("sub/users.properties");
        UserFileAdmin admin = UserFileAdmin.of(file);
        char[] pw = "s3cret=:#!".toCharArray();
        admin.add("jürgen = the admin", pw, Set.of("admin", "ops"));
        assertArrayEquals(new char[pw.length], pw, "the password array must be cleared");
        admin.add("bob", "x".toCharArray(), Set.of());

        String text = Files.readString(file);
        assertFalse(text.contains("s3cret"));
        UserRecord u = admin.find("jürgen = the admin").orElseThrow();
        assertEquals(Set.of("admin", "ops"), u.groups());
        assertTrue(u.passwordHash().startsWith("pbkdf2-sha256$210000$"));
        assertTrue(new PasswordHasher().verify("s3cret=:#!".toCharArray(), u.passwordHash()));
        assertFalse(u.toString().contains(u.passwordHash()));
        assertEquals(2, admin.list().size());
    }

    @Test
    void whenPasswordChangedThenOldOneFailsAndGroupsKept() throws Exception {
        UserFileAdmin admin = UserFileAdmin.of(dir.resolve("users.properties"));
        admin.add("alice", "old".toCharArray(), Set.of("admin"));
        admin.setPassword("alice", "new".toCharArray());
        UserRecord u = admin.find("alice").orElseThrow();
        assertFalse(new PasswordHasher().verify("old".toCharArray(), u.passwordHash()));
        assertTrue(new PasswordHasher().verify("new".toCharArray(), u.passwordHash()));
        assertEquals(Set.of("admin"), u.groups());
    }

    @Test
    void whenRemovedThenGone() throws Exception {
        UserFileAdmin admin = UserFileAdmin.of(dir.resolve("users.properties"));
        admin.add("alice", "pw".toCharArray(), Set.of());
        assertTrue(admin.remove("alice"));
        assertFalse(admin.remove("alice"));
        assertTrue(admin.find("alice").isEmpty());
    }

    @Test
    void whenUserExistsOrNameInvalidThenRefused() throws Exception {
        UserFileAdmin admin = UserFileAdmin.of(dir.resolve("users.properties"));
        admin.add("alice", "pw".toCharArray(), Set.of());
        assertThrows(IllegalArgumentException.class, () -> admin.add("alice", "pw".toCharArray(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> admin.add("a:b", "pw".toCharArray(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> admin.add("c", "pw".toCharArray(), Set.of("two words")));
        assertThrows(IllegalArgumentException.class, () -> admin.setPassword("nobody", "pw".toCharArray()));
    }

    @Test
    void whenPasswordPipedThenOneLineRead() throws Exception {
        StringReader in = new StringReader("pa ss:wörd\r\nnext line");
        assertArrayEquals("pa ss:wörd".toCharArray(), PasswordPrompt.readLine(in));
        assertArrayEquals("next line".toCharArray(), PasswordPrompt.readLine(in));
        assertThrows(IOException.class, () -> PasswordPrompt.readLine(new StringReader("")));
        assertThrows(IOException.class, () -> PasswordPrompt.readLine(new StringReader("\n")));
    }
}
