package io.vidcastx.workers.ai;

import io.vidcastx.core.queue.AIJobData;
import io.vidcastx.core.queue.JobContext;
import io.vidcastx.core.queue.JobHandler;

/** The {@code ai-jobs} consumer: each job type to its handler. */
class AiJobHandler implements JobHandler<AIJobData> {

    private final TranscribeJobHandler transcribe;
    private final DubJobHandler dub;

    AiJobHandler(TranscribeJobHandler transcribe, DubJobHandler dub) {
        this.transcribe = transcribe;
        this.dub = dub;
    }

    @Override
    public void handle(AIJobData job, JobContext context) {
        switch (job.type()) {
            case TRANSCRIBE -> transcribe.handle(job, context);
            case DUB -> dub.handle(job, context);
        }
    }
}
