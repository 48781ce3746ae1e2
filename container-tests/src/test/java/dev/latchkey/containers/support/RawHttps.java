package dev.latchkey.containers.support;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 GET over TLS with the client certificate, from a chosen loopback source address: the JDK HTTP client
 * cannot pick its source address, and the suite trusts 127.0.0.1 as a TLS-terminating proxy, whose own certificate
 * never identifies a caller. From 127.0.0.2 the connection is a direct mTLS client.
 */
public final class RawHttps {

    /** Status code and body. */
    public record Response(int status, String body) {
    }

    private RawHttps() {
    }

    public static Response get(URL https, String path, String sourceAddress) {
        try (SSLSocket socket = (SSLSocket) TestPki.clientContext(true).getSocketFactory()
                .createSocket(Container.LOOPBACK, https.getPort(), InetAddress.getByName(sourceAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + https.getPath().replaceAll("/+$", "") + path + " HTTP/1.0\r\nHost: " + https.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
