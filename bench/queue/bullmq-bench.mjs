// BullMQ side of the queue benchmark: the same no-op workload the Java queue is measured with, so
// the two numbers can be compared on the same Redis and the same machine.
//
//   node bullmq-bench.mjs --host 127.0.0.1 --port 6379 --jobs 5000 --concurrency 8 --workers 4
//
// Prints exactly one line of JSON on stdout; anything else goes to stderr.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '6379' },
    jobs: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '8' },
    workers: { type: 'string', default: '4' },
    'timeout-seconds': { type: 'string', default: '600' },
  },
  strict: true,
});

const jobs = positiveInt('jobs');
const concurrency = positiveInt('concurrency');
const workerCount = positiveInt('workers');
const timeoutMs = positiveInt('timeout-seconds') * 1000;

// Wall-clock milliseconds with sub-millisecond precision; comparable across processes, unlike
// performance.now() alone, should producer and workers ever run in different processes.
const now = () => performance.timeOrigin + performance.now();

// Workers block on Redis, so ioredis must never give up on a command (BullMQ insists on null).
const connection = { host: args.host, port: positiveInt('port'), maxRetriesPerRequest: null };
await checkRedisIsReachable();

// A fresh queue per run: no leftovers from an earlier run can be counted.
const queueName = `vidcastx-bench-${randomUUID()}`;

let resolveDone;
let rejectDone;
const done = new Promise((resolve, reject) => {
  resolveDone = resolve;
  rejectDone = reject;
});
// Failures can arrive while jobs are still being added; they are reported when `done` is awaited.
done.catch(() => {});

const queue = new Queue(queueName, {
  connection,
  // Completed jobs are dropped, as a production queue would be configured; nothing is retried.
  defaultJobOptions: { removeOnComplete: true, removeOnFail: true, attempts: 1 },
});
queue.on('error', (error) => rejectDone(error));

const latencies = new Float64Array(jobs);
let started = 0;
let completed = 0;
let finishedAt = 0;

const workers = [];
for (let i = 0; i < workerCount; i++) {
  const worker = new Worker(
    queueName,
    async (job) => {
      // The only work: how long the job waited between its add and its start.
      if (started < jobs) {
        latencies[started++] = now() - job.data.enqueuedAt;
      }
    },
    { connection, concurrency },
  );
  worker.on('completed', () => {
    completed++;
    if (completed === jobs) {
      finishedAt = now();
      resolveDone();
    }
  });
  worker.on('failed', (job, error) => rejectDone(new Error(`job ${job?.id} failed: ${error.message}`)));
  worker.on('error', (error) => rejectDone(error));
  workers.push(worker);
}

const timeout = setTimeout(
  () => rejectDone(new Error(`only ${completed} of ${jobs} jobs completed within ${timeoutMs / 1000} s`)),
  timeoutMs,
);

let exitCode = 0;
try {
  // Every worker is connected and waiting before the clock starts. Racing `done` lets a failure
  // (or the timeout) end the run even while BullMQ is still waiting for Redis.
  await Promise.race([Promise.all([queue, ...workers].map((client) => client.waitUntilReady())), done]);

  const firstAddAt = now();
  const addAll = async () => {
    // One producer adding one job at a time, each add confirmed by Redis before the next.
    for (let i = 0; i < jobs; i++) {
      await queue.add('noop', { enqueuedAt: now() });
    }
  };
  await Promise.race([addAll(), done]);
  await done;

  const seconds = (finishedAt - firstAddAt) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      system: 'bullmq',
      jobs,
      seconds: round(seconds),
      jobsPerSecond: round(jobs / seconds),
      latencyMsP50: round(percentile(sorted, 50)),
      latencyMsP95: round(percentile(sorted, 95)),
      latencyMsP99: round(percentile(sorted, 99)),
    }) + '\n',
  );
} catch (error) {
  console.error(`bullmq-bench: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  clearTimeout(timeout);
  // BullMQ retries a lost connection forever; never let cleanup outlive a Redis that went away.
  setTimeout(() => {
    console.error(`bullmq-bench: cleanup did not finish; queue ${queueName} may be left in Redis`);
    process.exit(1);
  }, 15_000).unref();
  await Promise.allSettled(workers.map((worker) => worker.close()));
  try {
    await queue.obliterate({ force: true });
  } catch (error) {
    console.error(`bullmq-bench: could not obliterate ${queueName}: ${error.message}`);
    exitCode = 1;
  }
  await queue.close();
}
process.exit(exitCode);

// Fail in seconds with one clear message instead of BullMQ reconnecting to nothing forever.
async function checkRedisIsReachable() {
  const probe = new Redis({
    ...connection,
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    console.error(`bullmq-bench: no Redis at ${connection.host}:${connection.port}: ${error.message}`);
    process.exit(2);
  } finally {
    probe.disconnect();
  }
}

function positiveInt(name) {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bullmq-bench: --${name} must be a positive integer, got "${args[name]}"`);
    process.exit(2);
  }
  return value;
}

// Nearest-rank percentile of an ascending array.
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}
