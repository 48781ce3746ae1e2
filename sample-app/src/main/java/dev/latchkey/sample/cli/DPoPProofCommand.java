package dev.latchkey.sample.cli;

import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.latchkey.sample.jwt.DPoPKey;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code dpop-proof --key FILE --url URL [--method GET] [--token TOKEN] [--nonce N]}: prints one DPoP proof (RFC 9449
 * §4) for a request, signed with the key in {@code FILE} (the one given to {@code token --dpop-key}), made with
 * Nimbus oauth2-oidc-sdk, so that {@code curl -H "DPoP: $(... dpop-proof ...)"} works. Each proof is for one request.
 */
public final class DPoPProofCommand {

    private DPoPProofCommand() {
    }

    public static Action prepare(List<String> args, CliIo io) {
        Arguments a = Arguments.parse(args, Set.of("--key", "--url", "--method", "--token", "--nonce"), Set.of())
                .expectPositional(0, "");
        Path keyFile = Path.of(a.required("--key"));
        URI url;
        try {
            url = URI.create(a.required("--url"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
        if (!url.isAbsolute()) {
            throw new UsageException("--url must be absolute, e.g. http://localhost:8080/api/orders");
        }
        URI htu = URI.create(url.getScheme() + "://" + url.getRawAuthority()
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath()));
        String method = a.option("--method").orElse("GET");
        DPoPAccessToken token = a.option("--token").map(DPoPAccessToken::new).orElse(null);
        Nonce nonce = a.option("--nonce").map(Nonce::new).orElse(null);
        return () -> {
            DPoPKey key = DPoPKey.ensure(keyFile);
            io.out().println(new DefaultDPoPProofFactory(key.key(), DPoPKey.ALGORITHM)
                    .createDPoPJWT(method, htu, token, nonce).serialize());
        };
    }
}
