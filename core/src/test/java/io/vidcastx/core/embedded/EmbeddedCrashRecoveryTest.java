package io.vidcastx.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code kill -9} of the platform leaves on its data directory, and the next start recovering
 * from it: the servers run as a separate JVM here, killed as a user or the OOM killer would.
 */
class EmbeddedCrashRecoveryTest {

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (var closeable : opened.reversed()) {
            closeable.close();
        }
        processes.forEach(Process::destroyForcibly);
        // Whatever a failed test left running in its directory (the orphans this test makes).
        killLeftover(dataDir.resolve("postgres").resolve(EmbeddedPostgresServer.PID_FILE), "postgres", dataDir.resolve("postgres"));
        killLeftover(dataDir.resolve("redis").resolve(EmbeddedRedisServer.PID_FILE), "redis", dataDir.resolve("redis"));
    }

    @Test
    void a_start_after_the_platform_was_killed_stops_its_orphan_servers_and_keeps_the_data() throws Exception {
        var platform = startPlatform();
        try (var connection = connect(platform.postgresPort())) {
            connection.createStatement().execute("create table survivors (name text)");
            connection.createStatement().execute("insert into survivors values ('committed before the crash')");
        }
        long postgresPid = OrphanProcesses.pidFrom(dataDir.resolve("postgres/postmaster.pid")).orElseThrow();
        long redisPid = OrphanProcesses.pidFrom(dataDir.resolve("redis/redis.pid")).orElseThrow();

        platform.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the JVM").hasValue(true);
        assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive)).as("Redis outlives the JVM").hasValue(true);

        opened.add(DataDirectoryLock.acquire(dataDir));
        var postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false);
        opened.add(postgres);
        var redis = EmbeddedRedisServer.start(dataDir.resolve("redis"), true);
        opened.add(redis);

        try (var connection = connect(postgres.port())) {
            var rows = connection.createStatement().executeQuery("select name from survivors");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed before the crash");
        }
        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive).orElse(false)).as("the orphan postmaster").isFalse();
        assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive).orElse(false)).as("the orphan Redis").isFalse();
        assertThat(redis.isActive()).isTrue();
    }

    @Test
    void a_second_platform_on_the_same_data_directory_is_refused_and_touches_nothing() throws Exception {
        var platform = startPlatform();
        long postgresPid = OrphanProcesses.pidFrom(dataDir.resolve("postgres/postmaster.pid")).orElseThrow();

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir))
                .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class)
                .hasMessageContaining("PID " + platform.process().pid())
                .hasMessageContaining(dataDir.toString());

        assertThat(ProcessHandle.of(postgresPid).map(ProcessHandle::isAlive)).hasValue(true);
        try (var connection = connect(platform.postgresPort())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void a_stale_postmaster_pid_naming_another_live_process_is_removed_and_that_process_left_alone() throws Exception {
        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false).close();
        var unrelated = new ProcessBuilder("sleep", "300").start();
        processes.add(unrelated);
        Files.writeString(dataDir.resolve("postgres/postmaster.pid"),
                unrelated.pid() + "\n" + dataDir.resolve("postgres") + "\n", StandardCharsets.UTF_8);

        opened.add(DataDirectoryLock.acquire(dataDir));
        var postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false);
        opened.add(postgres);

        try (var connection = connect(postgres.port())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void the_persistent_cluster_runs_durable() throws Exception {
        var postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), false);
        opened.add(postgres);

        try (var connection = connect(postgres.port())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        var result = connection.createStatement().executeQuery("show " + name);
        result.next();
        return result.getString(1);
    }

    private record Platform(Process process, int postgresPort) {
    }

    private Platform startPlatform() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServersProcess.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        processes.add(process);
        var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var readyLine = new CompletableFuture<String>();
        // Drains the child's output for its whole life, so it never blocks on a full pipe.
        Thread.ofPlatform().daemon().start(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        readyLine.complete(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
            readyLine.complete("");
        });
        String ready = readyLine.get(120, TimeUnit.SECONDS);
        assertThat(ready).as("the platform process started its servers").startsWith("READY ");
        return new Platform(process, Integer.parseInt(ready.split(" ")[1]));
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
    }

    private static void killLeftover(Path pidFile, String executable, Path directory) {
        OrphanProcesses.pidFrom(pidFile)
                .filter(pid -> Files.isDirectory(directory) && OrphanProcesses.isServerOf(pid, executable, directory))
                .flatMap(ProcessHandle::of)
                .ifPresent(ProcessHandle::destroyForcibly);
    }
}
