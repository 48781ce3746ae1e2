package dev.latchkey.jetty.it.authz;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;

/**
 * TEST FIXTURE: a URI-rewriting pre-matching filter, as Jersey's {@code UriConnegFilter} (priority 3000) or an
 * application's own: {@code /x/admin.json} is matched as {@code /x/admin}.
 */
@PreMatching
@Priority(3000)
public class ExtensionFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path.endsWith(".json")) {
            URI stripped = UriBuilder.fromUri(uri).replacePath(null)
                    .path(path.substring(0, path.length() - ".json".length())).build();
            request.setRequestUri(request.getUriInfo().getBaseUri(), stripped);
        }
    }
}
