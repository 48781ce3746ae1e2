package dev.latchkey.test;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/** The server the tests talk to: one the kit started, or one already running. */
interface Target extends AutoCloseable {

    /** The absolute URL of {@code path} over HTTP (for a running server: its base URL's scheme). */
    String http(String path);

    /** The absolute URL of {@code path} over HTTPS. */
    String https(String path);

    /** TLS towards this server, presenting {@code clientKeys} (none when null). */
    SSLContext tls(KeyManager[] clientKeys);

    ApiKeys apiKeys();

    BasicUsers users();

    /** A bean of the running application. */
    <T> T bean(Class<T> type);

    @Override
    void close();
}
