package io.vidcastx.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Node scripts of {@code app/src/test/node} with the frontend module's node_modules
 * (tus-js-client, playwright-core). Tests that need Node or Chromium skip, with a message, where the
 * machine lacks them.
 */
public final class NodeScripts {

    private static final Path MODULES = Path.of("..", "frontend", "node_modules").toAbsolutePath().normalize();
    private static final Path SCRIPTS = Path.of("src", "test", "node").toAbsolutePath();

    private NodeScripts() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static void assumeNode() {
        Assumptions.assumeTrue(commandWorks("node", "--version"), "Skipped: Node.js is not installed");
        Assumptions.assumeTrue(Files.isDirectory(MODULES.resolve("tus-js-client")),
                "Skipped: frontend/node_modules is missing (build the frontend module first)");
    }

    public static void assumeChromium() {
        assumeNode();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Skipped: Chromium is not installed (apt-get install chromium); .ci/run installs it");
    }

    public static Result run(String script, List<String> args, long timeoutSeconds) throws Exception {
        var command = new ArrayList<>(List.of("node", SCRIPTS.resolve(script).toString()));
        command.addAll(args);
        var builder = new ProcessBuilder(command);
        builder.environment().put("NODE_PATH", MODULES.toString());
        Path out = Files.createTempFile("node-out-", ".txt");
        Path err = Files.createTempFile("node-err-", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        var process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within " + timeoutSeconds + " s: "
                    + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean commandWorks(String... command) {
        try {
            return new ProcessBuilder(command).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
