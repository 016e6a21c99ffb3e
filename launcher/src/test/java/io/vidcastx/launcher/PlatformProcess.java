package io.vidcastx.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a user starts it: {@code java ... VidcastxLauncher} in its own JVM on a data
 * directory and a fixed port, with the unattended-install environment. Started and stopped the way
 * a user or an init system does (SIGKILL, SIGTERM), and always cleaned up, orphans included.
 */
final class PlatformProcess implements AutoCloseable {

    static final String ADMIN_EMAIL = "ops@example.com";
    static final String TOKEN_ID = "launchertoken";
    static final String TOKEN_SECRET = "launcher-secret-long-enough";

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final List<Process> started = new ArrayList<>();
    private final List<String> extraArguments;
    private Process current;

    PlatformProcess(Path dataDir, int port, String... extraArguments) {
        this.dataDir = dataDir;
        this.port = port;
        this.extraArguments = List.of(extraArguments);
        // Kept in target/ after the test, for a failure's post-mortem.
        this.log = Path.of("target", "platform-logs", dataDir.getParent().getFileName() + ".log").toAbsolutePath();
    }

    int port() {
        return port;
    }

    Process process() {
        return current;
    }

    /** The same command every time, as a user would type it again after a crash. */
    Process start() throws IOException {
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), VidcastxLauncher.class.getName(), "all",
                "--server.port=" + port,
                "--vidcastx.live.rtmp-port=0",
                "--vidcastx.embedded.data-dir=" + dataDir,
                // The production settings, not the short test timings core's test jar puts on this classpath.
                "--vidcastx.embedded.ephemeral=false",
                "--vidcastx.queue.visibility-timeout=5m",
                "--vidcastx.queue.sweep-interval=1s",
                "--vidcastx.queue.redispatch-after=30s",
                "--vidcastx.queue.block-timeout=1s",
                "--vidcastx.transcode.preset=ultrafast",
                "--vidcastx.transcode.transcribe-when-ready=false"));
        command.addAll(extraArguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "VIDCASTX_ADMIN_EMAIL", ADMIN_EMAIL,
                "VIDCASTX_ADMIN_PASSWORD", "correct horse battery staple",
                "VIDCASTX_BOOTSTRAP_API_KEY", TOKEN_ID + ":" + TOKEN_SECRET));
        current = builder.start();
        started.add(current);
        return current;
    }

    String authorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((TOKEN_ID + ":" + TOKEN_SECRET)
                .getBytes(StandardCharsets.UTF_8));
    }

    boolean portAccepts() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The embedded PostgreSQL of the data directory, at the port its postmaster.pid names. */
    Connection database() throws SQLException, IOException {
        var lines = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres?user=postgres");
    }

    Path log() {
        return log;
    }

    /** Kills every JVM this started, their children, and any server left running in the data directory. */
    @Override
    public void close() throws Exception {
        for (var process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        killServer(dataDir.resolve("postgres"), "postmaster.pid", "postgres");
        killServer(dataDir.resolve("redis"), "redis.pid", "redis");
    }

    private static void killServer(Path directory, String pidFile, String executable) {
        try {
            var lines = Files.readAllLines(directory.resolve(pidFile));
            long pid = Long.parseLong(lines.getFirst().strip());
            Path proc = Path.of("/proc", Long.toString(pid));
            if (Files.readSymbolicLink(proc.resolve("exe")).getFileName().toString().contains(executable)
                    && proc.resolve("cwd").toRealPath().equals(directory.toRealPath())) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | RuntimeException e) {
            // nothing of it is left
        }
    }
}
