package dev.latchkey.auth.introspection;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ThrottledWarnings;

import java.io.IOException;

/**
 * Asks the authorization server about one token (RFC 7662 §2.1): a POST of {@code token} with the client's
 * credentials, through oauth2-oidc-sdk, with connect and read time-outs and no redirects followed (the request
 * carries credentials). Anything but a well-formed 200 answer (unreachable, time-out, 4xx/5xx, not JSON, no
 * {@code active}) is our dependency failing: 503, never 401 and never 200, and one throttled warning.
 */
public final class IntrospectionClient {

    private static final ThrottledWarnings WARNINGS =
            new ThrottledWarnings(System.getLogger(IntrospectionClient.class.getName()));

    private final IntrospectionSettings settings;
    private final ClientCredentials credentials;

    public IntrospectionClient(IntrospectionSettings settings) {
        this.settings = settings;
        this.credentials = new ClientCredentials(settings);
    }

    /**
     * @throws AuthenticationFailure 503 when the endpoint gives no usable answer
     */
    public IntrospectedToken introspect(String token) {
        HTTPRequest request = new TokenIntrospectionRequest(settings.endpoint(), credentials.next(),
                new TypelessAccessToken(token)).toHTTPRequest();
        request.setConnectTimeout((int) settings.connectTimeout().toMillis());
        request.setReadTimeout((int) settings.readTimeout().toMillis());
        request.setFollowRedirects(false);
        HTTPResponse response;
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw unavailable("unreachable: " + e.getClass().getSimpleName(), null);
        }
        if (response.getStatusCode() != HTTPResponse.SC_OK) {
            throw unavailable("answered HTTP " + response.getStatusCode(), null);
        }
        TokenIntrospectionResponse parsed;
        try {
            parsed = TokenIntrospectionResponse.parse(response);
        } catch (ParseException | RuntimeException e) {
            throw unavailable("answered something that is not an introspection response", e);
        }
        if (!(parsed instanceof TokenIntrospectionSuccessResponse success)) {
            throw unavailable("answered an error", null);
        }
        return new IntrospectedToken(success.isActive(), success.toJSONObject());
    }

    private AuthenticationFailure unavailable(String what, Throwable cause) {
        WARNINGS.warn("introspection", settings.endpoint(), cause, "Latchkey: the token introspection endpoint {0}"
                + " {1}; requests with opaque tokens are answered 503", settings.endpoint(), what);
        return new AuthenticationFailure(AuthError.unavailable("token introspection unavailable",
                "introspection_unavailable"));
    }
}
