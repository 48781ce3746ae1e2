package dev.latchkey.sample.cli;

/** The short usage text printed on bad command lines (exit status 2) and for {@code help}. */
public final class Usage {

    public static final String TEXT = """
            Usage: java -jar sample-app.jar [command]
              serve [--port N] [--https-port N]     start the API (default; env PORT, HTTPS_PORT; -1 disables)
              certs [--force]                       generate development certificates into .latchkey/certs
              apikey create --name NAME [--scopes a,b] [--groups g] [--expires P90D|2030-01-01T00:00:00Z]
              apikey list
              apikey rotate ID [--grace PT24H]
              apikey revoke ID
              signature register --client NAME --public-key FILE [--scopes a,b] [--groups g] [--expires P90D]
                                                    register a client's Ed25519, P-256 or RSA public key (PEM or JWK)
              signature hmac --client NAME [--scopes a,b] [--groups g] [--expires P90D]
                                                    create an HMAC-SHA256 secret (printed once)
              signature list
              signature rotate ID [--grace PT24H] [--public-key FILE]
              signature revoke ID
              user add NAME [--groups a,b]          password from the console, or one line of standard input
              user list
              user remove NAME
              token --sub NAME [--scope "a b"] [--groups a,b] [--ttl PT15M] [--aud AUD] [--expired]
                    [--dpop-key FILE]               print one RS256 access token signed with the development key
                                                    (bound to the DPoP key in FILE, generated when absent)
              token revoke JTI --until EXP [--issuer ISS]
                                                    refuse a token on every instance sharing latchkey.state.store
                                                    (jdbc or redis) until its exp (instant or epoch seconds)
              dpop-proof --key FILE --url URL [--method GET] [--token TOKEN] [--nonce N]
                                                    print one DPoP proof for a request
              help""";

    private Usage() {
    }
}
