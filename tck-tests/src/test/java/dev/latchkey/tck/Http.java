package dev.latchkey.tck;

import dev.latchkey.tck.logs.SuiteLog;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * Real requests against the deployed application ({@link dev.latchkey.test.http.Http}), every credential sent
 * remembered for {@link dev.latchkey.tck.logs.NoSecretInLogsTest}.
 */
public final class Http {

    private Http() {
    }

    public static HttpResponse<String> send(String method, URL base, String path, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            rememberCredential(headers[i], headers[i + 1]);
        }
        return dev.latchkey.test.http.Http.send(dev.latchkey.test.http.Http.plain(), method,
                base.toString().replaceAll("/$", "") + path, null, headers);
    }

    /** Every credential sent is checked against the suite's log output by NoSecretInLogsTest. */
    private static void rememberCredential(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            int space = value.indexOf(' ');
            SuiteLog.secret(space < 0 ? value : value.substring(space + 1));
        } else if (name.toLowerCase(Locale.ROOT).startsWith("x-")) {
            SuiteLog.secret(value);
        }
    }

    public static HttpResponse<String> get(URL base, String path, String... headers) {
        return send("GET", base, path, headers);
    }
}
