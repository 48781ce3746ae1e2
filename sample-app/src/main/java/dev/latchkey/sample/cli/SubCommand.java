package dev.latchkey.sample.cli;

import java.util.List;

/**
 * A command's sub-command ({@code apikey create ...}) and the arguments after it.
 *
 * @param command the command, e.g. {@code apikey}
 * @param name    the sub-command
 * @param rest    the arguments after it
 */
record SubCommand(String command, String name, List<String> rest) {

    /** @throws UsageException when {@code args} name no sub-command; the message lists {@code choices} */
    static SubCommand of(String command, List<String> args, String choices) {
        if (args.isEmpty()) {
            throw new UsageException(command + " needs a sub-command: " + choices);
        }
        return new SubCommand(command, args.get(0), args.subList(1, args.size()));
    }

    /** The error for a sub-command none of the cases took. */
    UsageException unknown() {
        return new UsageException("unknown " + command + " sub-command '" + name + "'");
    }
}
