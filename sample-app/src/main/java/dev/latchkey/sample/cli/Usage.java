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
              user add NAME [--groups a,b]          password from the console, or one line of standard input
              user list
              user remove NAME
              token --sub NAME [--scope "a b"] [--groups a,b] [--ttl PT15M] [--aud AUD] [--expired]
                                                    print one RS256 access token signed with the development key
              token revoke JTI --until EXP [--issuer ISS]
                                                    refuse a token on every instance sharing latchkey.state.store
                                                    (jdbc or redis) until its exp (instant or epoch seconds)
              help""";

    private Usage() {
    }
}
