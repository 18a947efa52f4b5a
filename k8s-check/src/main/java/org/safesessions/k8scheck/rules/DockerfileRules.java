package org.safesessions.k8scheck.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A service image: built on a maintained OpenJDK 21 runtime image pinned to an exact release (Eclipse Temurin's
 * {@code 21.0.x_y-jre} tags, or Red Hat UBI 9's {@code openjdk-21-runtime:1.x}, optionally with a digest), running
 * as a numeric non-root user, with no secret baked into an {@code ENV}, {@code ARG} or {@code LABEL}, and copying
 * only the Quarkus build output.
 */
public final class DockerfileRules {

    private static final Pattern PINNED_RUNTIME = Pattern.compile(
            "(docker\\.io/(library/)?)?eclipse-temurin:21\\.0\\.\\d+_\\d+-jre(-[a-z]+)?(@sha256:[0-9a-f]{64})?"
                    + "|registry\\.access\\.redhat\\.com/ubi9/openjdk-21-runtime:1\\.\\d+(-\\d+(\\.\\d+)?)?"
                    + "(@sha256:[0-9a-f]{64})?");
    private static final Pattern SECRET_ARGUMENT = Pattern.compile("^(ENV|ARG|LABEL)\\s+(\\S+)", Pattern.MULTILINE);

    private DockerfileRules() {
    }

    public static List<String> violations(Path dockerfile) {
        String text;
        try {
            text = Files.readString(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = instructions(text);
        List<String> violations = new ArrayList<>();
        String where = dockerfile.getFileName().toString();
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        if (from.size() != 1) {
            violations.add(where + ": one FROM, the runtime image (the build happens in Maven, outside)");
        } else {
            String image = from.get(0).substring(5).trim().split("\\s+")[0];
            if (!PINNED_RUNTIME.matcher(image).matches()) {
                violations.add(where + ": base image " + image + " is not a pinned OpenJDK 21 runtime image");
            }
        }
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
        if (!user.matches("USER [1-9][0-9]*(:[0-9]+)?")) {
            violations.add(where + ": must end as a numeric non-root USER (Kubernetes runAsNonRoot checks the id)");
        }
        for (String line : lines) {
            var matcher = SECRET_ARGUMENT.matcher(line);
            if (matcher.find() && SecretRules.secretName(matcher.group(2).split("=")[0])) {
                violations.add(where + ": " + matcher.group(1) + " " + matcher.group(2).split("=")[0]
                        + " would bake a secret into the image");
            }
            if ((line.startsWith("COPY ") || line.startsWith("ADD "))
                    && !line.matches("(COPY|ADD) (--chown=\\S+ )?target/quarkus-app/\\S* \\S+")) {
                violations.add(where + ": copies something else than the Quarkus build output: " + line);
            }
        }
        return violations;
    }

    /** The instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions(String text) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return instructions;
    }
}
