package dev.latchkey.test;

import dev.latchkey.test.pki.SslContexts;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.nio.file.Path;

/**
 * A server already running at a base URL (staging, a container started by the build): requests go there, with the
 * JDK's default trust. API keys cannot be issued from outside (bring existing ones as
 * {@code Credential.header("X-API-Key", key)}); Basic users only when the test names the users file the server reads.
 */
final class RunningServer implements Target {

    private final String base;
    private final Path usersFile;

    RunningServer(String base, Path usersFile) {
        this.base = base.replaceAll("/+$", "");
        this.usersFile = usersFile;
    }

    @Override
    public String http(String path) {
        return base + path;
    }

    @Override
    public String https(String path) {
        return base + path;
    }

    @Override
    public SSLContext tls(KeyManager[] clientKeys) {
        return SslContexts.withJdkTrust(clientKeys);
    }

    @Override
    public ApiKeys apiKeys() {
        throw new IllegalStateException("API keys are issued only by a server the extension starts; against " + base
                + " send an existing key with Credential.header(\"X-API-Key\", key)");
    }

    @Override
    public BasicUsers users() {
        if (usersFile == null) {
            throw new IllegalStateException("against " + base + ", set property latchkey.basic.users-file to the"
                    + " users file the server reads");
        }
        return new BasicUsers(usersFile);
    }

    @Override
    public <T> T bean(Class<T> type) {
        throw new IllegalStateException("no beans of a server running elsewhere (" + base + ")");
    }

    @Override
    public void close() {
    }
}
