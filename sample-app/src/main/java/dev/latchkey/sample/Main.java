package dev.latchkey.sample;

import dev.latchkey.auth.basic.BasicSettings;
import dev.latchkey.auth.basic.PasswordHasher;
import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.sample.cli.Action;
import dev.latchkey.sample.cli.ApiKeyCommand;
import dev.latchkey.sample.cli.ApiKeyServiceFactory;
import dev.latchkey.sample.cli.CliIo;
import dev.latchkey.sample.cli.ServeOptions;
import dev.latchkey.sample.cli.SignatureKeyCommand;
import dev.latchkey.sample.cli.SignatureKeyServiceFactory;
import dev.latchkey.sample.cli.DPoPProofCommand;
import dev.latchkey.sample.cli.TokenCommand;
import dev.latchkey.sample.cli.Usage;
import dev.latchkey.sample.cli.UsageException;
import dev.latchkey.sample.cli.UserCommand;
import dev.latchkey.sample.jwt.SampleJwtSettings;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar sample-app.jar [serve|certs|apikey|signature|user|token|dpop-proof|help] ...}: the sample API
 * server and its administration commands (see {@link Usage}). Exit status: 0 success, 1 failure (message on standard
 * error, no stack trace), 2 bad usage (usage text on standard error).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(args, CliIo.system());
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. {@code serve} returns when the server has stopped. */
    public static int run(String[] args, CliIo io) {
        Action action;
        try {
            action = prepare(List.of(args), io);
        } catch (UsageException e) {
            io.err().println("error: " + e.getMessage());
            io.err().println(Usage.TEXT);
            return 2;
        }
        try {
            action.run();
            return 0;
        } catch (Exception e) {
            // A configuration error may arrive wrapped by the container (WELD-000049 ... init()): print its message.
            ConfigurationException configuration = ConfigurationException.in(e).orElse(null);
            io.err().println(configuration != null ? "configuration error: " + configuration.getMessage()
                    : "error: " + describe(e));
        }
        return 1;
    }

    /** Parses the command line into an action; a mistake is a {@link UsageException}. */
    static Action prepare(List<String> args, CliIo io) {
        boolean implicitServe = args.isEmpty() || (args.get(0).startsWith("--") && !isHelp(args.get(0)));
        String command = implicitServe ? "serve" : args.get(0);
        List<String> rest = implicitServe ? args : args.subList(1, args.size());
        return switch (command) {
            case "serve" -> {
                ServeOptions options = ServeOptions.parse(rest, io.env());
                yield () -> serve(options, io);
            }
            case "certs" -> CertsCommand.prepare(rest, io);
            case "apikey" -> ApiKeyCommand.prepare(rest, () -> ApiKeyServiceFactory.open(ConfigReader.current(),
                    Clock.systemUTC(), io.err()), io);
            case "signature" -> SignatureKeyCommand.prepare(rest,
                    () -> SignatureKeyServiceFactory.fromConfig(ConfigReader.current()), io);
            case "user" -> UserCommand.prepare(rest, Main::userFileAdmin, io);
            case "token" -> TokenCommand.prepare(rest, () -> SampleJwtSettings.from(ConfigReader.current()),
                    Clock.systemUTC(), io);
            case "dpop-proof" -> DPoPProofCommand.prepare(rest, io);
            case "help", "--help", "-h" -> () -> io.out().println(Usage.TEXT);
            default -> throw new UsageException("unknown command '" + command + "'");
        };
    }

    private static void serve(ServeOptions options, CliIo io) throws Exception {
        LatchkeyServer server = SampleServer.start(options, io.out()::println);
        io.out().println(SampleServer.listening(server));
        server.join();
    }

    private static UserFileAdmin userFileAdmin() {
        BasicSettings settings = BasicSettings.from(ConfigReader.current());
        return new UserFileAdmin(settings.usersFile(), new PasswordHasher(), settings.hashIterations());
    }

    private static boolean isHelp(String arg) {
        return Set.of("--help", "-h").contains(arg);
    }

    /** The message, with the cause's when it adds something; never a stack trace. */
    private static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }
}
