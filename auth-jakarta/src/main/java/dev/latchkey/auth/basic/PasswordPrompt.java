package dev.latchkey.auth.basic;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Reads a password for a command-line tool: from {@link System#console()} without echo when a terminal is attached,
 * otherwise one line from a reader (for {@code echo "$PW" | java -jar app.jar user add alice}). Never echoes or logs it.
 */
public final class PasswordPrompt {

    private PasswordPrompt() {
    }

    /** From the console when attached, else one line of standard input (in the platform's stdin encoding). */
    public static char[] read(String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", prompt);
            if (pw == null) {
                throw new IOException("no password entered (end of input)");
            }
            return pw;
        }
        return readLine(new InputStreamReader(System.in, stdinCharset()));
    }

    /**
     * Reads one line (without its terminator) as the password, one character at a time so that nothing beyond the
     * line is consumed and no {@code String} copy of the password is made.
     *
     * @throws IOException at end of input before any character, or for an empty line
     */
    public static char[] readLine(Reader reader) throws IOException {
        char[] buf = new char[64];
        int len = 0;
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (len == buf.length) {
                char[] bigger = Arrays.copyOf(buf, buf.length * 2);
                Arrays.fill(buf, '\0');
                buf = bigger;
            }
            buf[len++] = (char) c;
        }
        if (len > 0 && buf[len - 1] == '\r') {
            len--;
        }
        char[] pw = Arrays.copyOf(buf, len);
        Arrays.fill(buf, '\0');
        if (!any || len == 0) {
            throw new IOException("no password entered");
        }
        return pw;
    }

    private static Charset stdinCharset() {
        String enc = System.getProperty("stdin.encoding");
        try {
            return enc == null ? Charset.defaultCharset() : Charset.forName(enc);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

}
