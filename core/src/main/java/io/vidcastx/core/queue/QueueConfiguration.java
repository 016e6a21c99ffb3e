package io.vidcastx.core.queue;

import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vidcastx.core.database.DatabaseProperties;
import io.vidcastx.core.embedded.EmbeddedServers;
import org.springframework.beans.factory.ObjectProvider;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The queue: PostgreSQL as the record of every job, Redis Streams as the dispatch. */
@Configuration(proxyBeanMethods = false)
public class QueueConfiguration {

    @Bean
    JobRepository jobRepository(DSLContext dsl) {
        return new JobRepository(dsl);
    }

    @Bean
    JobDispatcher jobDispatcher(StatefulRedisConnection<String, String> redisConnection) {
        return new JobDispatcher(redisConnection);
    }

    @Bean
    public JobQueue jobQueue(JobRepository jobs, JobDispatcher dispatcher, JsonMapper json, QueueProperties properties) {
        return new JobQueue(jobs, dispatcher, payloadJson(json), properties);
    }

    @Bean
    JobSweeper jobSweeper(JobRepository jobs, JobDispatcher dispatcher, QueueProperties properties) {
        return new JobSweeper(jobs, dispatcher, properties);
    }

    /**
     * This process's identity as a lease holder. Processes that share a database must not share a
     * slot directory by accident: with the embedded database it is inside its data directory, with
     * an external one it is per machine.
     */
    @Bean(destroyMethod = "close")
    public WorkerNode workerNode(QueueProperties properties, DatabaseProperties database, EmbeddedServers embedded) {
        Path directory = properties.nodeDirectory();
        if (directory == null) {
            directory = database.isExternal() ? Path.of(System.getProperty("java.io.tmpdir"), "vidcastx-nodes")
                    : embedded.dataDir().resolve("nodes");
        }
        return WorkerNode.claim(directory);
    }

    @Bean
    public JobWorkers jobWorkers(RedisClient redisClient, StatefulRedisConnection<String, String> redisConnection,
                                 JobRepository jobs, JsonMapper json, QueueProperties properties, JobSweeper sweeper,
                                 WorkerNode node, ObjectProvider<MeterRegistry> meters) {
        return new JobWorkers(redisClient, redisConnection, jobs, payloadJson(json), properties, sweeper, node,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Waiting and running jobs per queue, for whichever process exports metrics. */
    @Bean
    public QueueDepthGauges queueDepthGauges(JobRepository jobs, ObjectProvider<MeterRegistry> meters) {
        return new QueueDepthGauges(jobs, meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /**
     * Payloads are contracts between processes that may run different versions: a missing field is
     * an error, never a silent null.
     */
    private static JsonMapper payloadJson(JsonMapper json) {
        return json.rebuild().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
    }
}
