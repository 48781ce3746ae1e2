package dev.latchkey.auth.metadata;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the metadata document (RFC 9728 §3) at {@code /.well-known/oauth-protected-resource} and at the path-suffixed
 * form for the resource's path ({@code /.well-known/oauth-protected-resource/v1}, §3.1), relative to the web
 * application. The document is rendered once and again only when the scopes the applications report change (a
 * runtime that reports its routes at the first request); other paths below the well-known prefix are 404.
 */
public final class ProtectedResourceMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private record Rendered(Set<String> scopes, byte[] body) {
    }

    private final transient ResourceMetadataSettings settings;
    private final transient List<SupportedScopes> sources;
    private final transient AtomicReference<Rendered> rendered = new AtomicReference<>();

    /** @param sources where {@code scopes_supported} comes from when the settings name none */
    public ProtectedResourceMetadataServlet(ResourceMetadataSettings settings, List<SupportedScopes> sources) {
        this.settings = settings;
        this.sources = List.copyOf(sources);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String suffix = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!suffix.isEmpty() && !suffix.equals(settings.resourcePath())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = document();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] document() {
        Set<String> scopes = scopes();
        Rendered current = rendered.get();
        if (current != null && current.scopes().equals(scopes)) {
            return current.body();
        }
        Rendered fresh = new Rendered(scopes,
                ProtectedResourceMetadata.render(settings, scopes).getBytes(StandardCharsets.UTF_8));
        rendered.set(fresh);
        return fresh.body();
    }

    private Set<String> scopes() {
        if (!settings.scopes().isEmpty()) {
            return settings.scopes();
        }
        Set<String> all = new HashSet<>();
        sources.forEach(source -> all.addAll(source.scopes()));
        return all;
    }
}
