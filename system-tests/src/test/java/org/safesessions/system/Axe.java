package org.safesessions.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * axe-core, bundled with the tests: fetched once with npm's own client (npm pack, pinned version) into target/,
 * never committed and never loaded from a CDN.
 */
final class Axe {

    static final String VERSION = System.getProperty("axe-core.version", "4.14.1");
    private static final Path DIR = Path.of("target", "axe-core-" + VERSION);
    private static String source;

    private Axe() {
    }

    static synchronized String source() {
        if (source == null) {
            Path script = DIR.resolve("package").resolve("axe.min.js");
            try {
                if (!Files.exists(script)) {
                    Files.createDirectories(DIR);
                    run(DIR, "npm", "pack", "--silent", "axe-core@" + VERSION);
                    run(DIR, "tar", "-xzf", "axe-core-" + VERSION + ".tgz");
                }
                source = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static void run(Path dir, String... command) throws IOException {
        // never the test JVM's own streams: Failsafe talks to it over stdin and stdout, and node (npm) makes a stdin
        // it shares non-blocking, which broke that channel ("std/in stream corrupted") on a fresh clone
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("npm.log").toFile()))
                .start();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed with " + process.exitValue() + " (see "
                        + dir.resolve("npm.log") + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
