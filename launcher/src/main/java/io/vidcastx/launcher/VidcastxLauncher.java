package io.vidcastx.launcher;

import java.util.Arrays;
import java.util.Locale;

import io.vidcastx.VidcastxApplication;
import io.vidcastx.workers.ai.AiWorkerApplication;
import io.vidcastx.workers.ai.AiWorkerConfiguration;
import io.vidcastx.workers.live.streams.LiveWorkerApplication;
import io.vidcastx.workers.live.streams.LiveWorkerConfiguration;
import io.vidcastx.workers.publisher.PublisherWorkerApplication;
import io.vidcastx.workers.publisher.PublisherWorkerConfiguration;
import io.vidcastx.workers.transcode.TranscodeWorkerApplication;
import io.vidcastx.workers.transcode.TranscodeWorkerConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * One executable for every role. {@code all} (the default) runs the app and every worker in one JVM,
 * on embedded PostgreSQL, Redis and S3 unless external ones are configured; {@code app},
 * {@code transcode}, {@code ai}, {@code live} (the RTMP ingest, port {@code VIDCASTX_LIVE_RTMP_PORT}) and
 * {@code publisher} (YouTube uploads) run one role, as the production shape does in separate processes.
 */
public final class VidcastxLauncher {

    private VidcastxLauncher() {
    }

    public static void main(String[] args) {
        String role = args.length > 0 && !args[0].startsWith("-") ? args[0].toLowerCase(Locale.ROOT) : "all";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (role) {
            case "all" -> SpringApplication.run(new Class<?>[] {VidcastxApplication.class,
                    TranscodeWorkerConfiguration.class, AiWorkerConfiguration.class, LiveWorkerConfiguration.class,
                    PublisherWorkerConfiguration.class}, rest);
            case "app" -> VidcastxApplication.main(rest);
            case "transcode" -> TranscodeWorkerApplication.main(rest);
            case "ai" -> AiWorkerApplication.main(rest);
            case "live" -> LiveWorkerApplication.main(rest);
            case "publisher" -> PublisherWorkerApplication.main(rest);
            default -> {
                System.err.println("Unknown role '" + role + "'. Use one of: all, app, transcode, ai, live, publisher.");
                System.exit(2);
            }
        }
    }
}
