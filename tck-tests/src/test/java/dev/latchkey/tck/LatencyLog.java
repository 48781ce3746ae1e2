package dev.latchkey.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fixture: records the wall time of each HTTP request per named case and prints median and maximum once. It measures
 * and never asserts (timed assertions are flaky on a shared machine; speed is proved by benchmarks, not tests).
 */
public final class LatencyLog {

    private final String title;
    private final Map<String, List<Long>> nanosByCase = new TreeMap<>();

    public LatencyLog(String title) {
        this.title = title;
    }

    public synchronized void record(String name, long nanos) {
        nanosByCase.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos);
    }

    /** The table, printed and written to {@code target/<file>} (surefire may hide standard output). */
    public synchronized String report(String file) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        StringBuilder out = new StringBuilder(title)
                .append(String.format(Locale.ROOT, " (load average %.2f on %d processors)%n",
                        os.getSystemLoadAverage(), os.getAvailableProcessors()))
                .append(String.format(Locale.ROOT, "%-64s %5s %10s %10s%n", "case", "n", "median ms", "max ms"));
        List<Long> all = new ArrayList<>();
        nanosByCase.forEach((name, nanos) -> {
            all.addAll(nanos);
            out.append(line(name, nanos));
        });
        out.append(line("ALL", all));
        String text = out.toString();
        System.out.println(text);
        try {
            Files.writeString(Path.of("target", file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    private static String line(String name, List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "";
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-64s %5d %10.2f %10.2f%n", name.length() > 64 ? name.substring(0, 61) + "..." : name, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
