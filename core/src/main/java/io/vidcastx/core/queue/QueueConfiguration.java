package io.vidcastx.core.queue;

import io.lettuce.core.RedisClient;
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

    @Bean
    public JobWorkers jobWorkers(RedisClient redisClient, StatefulRedisConnection<String, String> redisConnection,
                                 JobRepository jobs, JsonMapper json, QueueProperties properties, JobSweeper sweeper) {
        return new JobWorkers(redisClient, redisConnection, jobs, payloadJson(json), properties, sweeper);
    }

    /**
     * Payloads are contracts between processes that may run different versions: a missing field is
     * an error, never a silent null.
     */
    private static JsonMapper payloadJson(JsonMapper json) {
        return json.rebuild().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES).build();
    }
}
