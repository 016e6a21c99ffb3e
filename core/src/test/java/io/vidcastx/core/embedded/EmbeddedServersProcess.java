package io.vidcastx.core.embedded;

import java.nio.file.Path;

/**
 * A platform stand-in for the crash tests: a separate JVM that starts the persistent embedded
 * PostgreSQL and Redis on a data directory, says so, and runs until it is killed.
 */
public final class EmbeddedServersProcess {

    private EmbeddedServersProcess() {
    }

    public static void main(String[] args) throws Exception {
        var servers = EmbeddedServers.obtain(new EmbeddedProperties(Path.of(args[0]), false));
        var postgres = servers.postgres();
        var redis = servers.redis();
        System.out.println("READY " + postgres.port() + " " + redis.port());
        System.out.flush();
        // Until the parent closes our input or kills us.
        while (System.in.read() >= 0) {
            // keep running
        }
        servers.close();
    }
}
