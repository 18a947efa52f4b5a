package org.safesessions.k8scheck.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names an alert reads and the names the services' code exposes, so that an alert cannot wait
 * for a metric nobody publishes. Exposed names are read from the Java source: each Micrometer meter
 * ({@code Gauge/Counter/Timer/DistributionSummary/FunctionCounter/LongTaskTimer.builder(name)},
 * {@code registry.counter/gauge/timer/summary(name)}, {@code @Counted}/{@code @Timed}), its name a literal or a
 * constant of the same file, turned into what the Prometheus registry prints: dots become underscores, counters end
 * in {@code _total}, timers in {@code _seconds_count/_sum/_max/_bucket}, summaries in {@code _count/_sum/_max}.
 */
public final class MetricNames {

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Gauge|Counter|FunctionCounter|Timer|DistributionSummary|LongTaskTimer|TimeGauge)\\.builder\\(\\s*(\"[^\"]+\"|[A-Za-z_][\\w.]*)");
    private static final Pattern REGISTRY = Pattern.compile(
            "\\.(counter|gauge|timer|summary)\\(\\s*(\"[^\"]+\")");
    private static final Pattern ANNOTATION = Pattern.compile(
            "@(Counted|Timed)\\(\\s*(?:value\\s*=\\s*)?(\"[^\"]+\")");
    private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z_][A-Z0-9_]*)\\s*=\\s*\"([^\"]+)\"");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");

    private MetricNames() {
    }

    /** Every metric name the Java sources under these folders expose to Prometheus. */
    public static Set<String> exposedBy(List<Path> sourceRoots) {
        Set<String> names = new TreeSet<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    names.addAll(exposedIn(Files.readString(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The metric names one source file exposes. */
    static Set<String> exposedIn(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Set<String> names = new TreeSet<>();
        Matcher builder = BUILDER.matcher(source);
        while (builder.find()) {
            String name = resolve(builder.group(2), constants);
            if (name != null) {
                names.addAll(prometheus(builder.group(1), name));
            }
        }
        Matcher registry = REGISTRY.matcher(source);
        while (registry.find()) {
            String kind = switch (registry.group(1)) {
                case "counter" -> "Counter";
                case "timer" -> "Timer";
                case "summary" -> "DistributionSummary";
                default -> "Gauge";
            };
            names.addAll(prometheus(kind, resolve(registry.group(2), constants)));
        }
        Matcher annotation = ANNOTATION.matcher(source);
        while (annotation.find()) {
            names.addAll(prometheus(annotation.group(1).equals("Counted") ? "Counter" : "Timer",
                    resolve(annotation.group(2), constants)));
        }
        return names;
    }

    private static String resolve(String argument, Map<String, String> constants) {
        if (argument.startsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        return constants.get(argument.substring(argument.lastIndexOf('.') + 1));
    }

    /** What Micrometer's Prometheus registry prints for a meter of this kind and name. */
    static List<String> prometheus(String kind, String meterName) {
        String base = meterName.replaceAll("[^a-zA-Z0-9_:]", "_");
        return switch (kind) {
            case "Counter", "FunctionCounter" -> List.of(base.endsWith("_total") ? base : base + "_total");
            case "Timer", "LongTaskTimer" -> List.of(base + "_seconds_count", base + "_seconds_sum",
                    base + "_seconds_max", base + "_seconds_bucket");
            case "DistributionSummary" -> List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
            case "TimeGauge" -> List.of(base + "_seconds");
            default -> List.of(base);
        };
    }

    /**
     * The metric names a PromQL expression reads: every identifier that is not a function (followed by "("), a
     * keyword, a label inside a matcher or a by/without/on/ignoring/group list, a range or a string.
     */
    public static Set<String> readBy(String expr) {
        String rest = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
