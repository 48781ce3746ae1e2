package dev.latchkey.test.oauth;

import dev.latchkey.test.http.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntrospectionEndpointTest {

    private static HttpResponse<String> introspect(IntrospectionEndpoint endpoint, String token, String user,
                                                   String password) {
        return Http.send("POST", endpoint.url(), "token=" + token + "&token_type_hint=access_token",
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", Http.basic(user, password));
    }

    @Test
    void whenKnownTokenAndRightClientThenItsAnswerElse500() {
        try (IntrospectionEndpoint endpoint = new IntrospectionEndpoint("api", "s3cret")
                .answer("t-1", "{\"active\":true,\"sub\":\"alice\"}")) {
            HttpResponse<String> ok = introspect(endpoint, "t-1", "api", "s3cret");
            assertEquals(200, ok.statusCode());
            assertEquals("{\"active\":true,\"sub\":\"alice\"}", ok.body());
            assertEquals(500, introspect(endpoint, "t-1", "api", "wrong").statusCode());
            assertEquals(500, introspect(endpoint, "t-2", "api", "s3cret").statusCode());
            assertEquals(3, endpoint.requests());
        }
    }
}
