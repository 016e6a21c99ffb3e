// Upload benchmark: one file of random bytes sent by tus-js-client (client.mjs, a process of its
// own) to Vidcastx's TUS endpoint and then to the reference @tus/server with its FileStore
// (tus-server.mjs, a process of its own), each server started fresh, warmed up, otherwise idle,
// and stopped before the next one starts. Prints a table, the throughput ratio, the memory of both
// server processes, and one line of JSON last.
//
//   node bench.mjs --java /path/to/bin/java --jar launcher/target/vidcastx.jar
//                  [--size-mb 1024] [--chunk-mb 64 (0: one PATCH)] [--warmup-mb 16] [--idle-seconds 3]
//                  [--log-dir DIR (keeps the servers' logs)]
//
// Run through bench/upload/run.sh, which finds Java 25, builds the jar if it is missing and
// installs the npm packages.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;
const JAVA_TMP = '/tmp'; // java.io.tmpdir on Linux, whatever TMPDIR says

const { values: args } = parseArgs({
  options: {
    java: { type: 'string', default: 'java' },
    jar: { type: 'string', default: join(here, '../../launcher/target/vidcastx.jar') },
    'size-mb': { type: 'string', default: '1024' },
    'chunk-mb': { type: 'string', default: '64' },
    'warmup-mb': { type: 'string', default: '16' },
    'idle-seconds': { type: 'string', default: '3' },
    'log-dir': { type: 'string' }, // keep the servers' logs there
  },
  strict: true,
});
const sizeMb = wholeNumber('size-mb', 1);
const chunkMb = wholeNumber('chunk-mb', 0);
const warmupMb = Math.min(wholeNumber('warmup-mb', 0), sizeMb);
const idleSeconds = wholeNumber('idle-seconds', 0);
if (!existsSync(args.jar)) {
  fail(`no Vidcastx jar at ${args.jar} (bench/upload/run.sh builds it)`);
}

const clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const tusServerVersion = packageVersion('@tus/server');
const fileStoreVersion = packageVersion('@tus/file-store');
const tusClientVersion = packageVersion('tus-js-client');

const work = mkdtempSync(join(tmpdir(), 'vidcastx-bench-upload-'));
const running = new Set(); // servers not yet stopped, stopped on any way out
let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    log(`${signal}: stopping the servers and removing ${work}`);
    stopAll().finally(() => {
      removeWork();
      process.exit(130);
    });
  });
}
// Last resort (a crash past the finally below): no server outlives the benchmark, no data stays.
process.on('exit', () => {
  for (const server of running) {
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  removeWork();
});

let exitCode = 0;
try {
  const file = join(work, 'upload.bin');
  const bytes = sizeMb * MiB;
  log(`writing ${sizeMb} MiB of random bytes to ${file}`);
  const fd = openSync(file, 'w');
  const head = spawnSync('head', ['-c', String(bytes), '/dev/urandom'], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (head.status !== 0 || statSync(file).size !== bytes) {
    throw new Error('could not write the random file');
  }

  const results = {};
  results.vidcastx = await measure(vidcastx(), file, bytes);
  results.tusServer = await measure(tusServer(), file, bytes);
  report(results, bytes);
} catch (error) {
  console.error(`upload bench: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await stopAll();
  removeWork();
}
process.exit(exitCode);

// --- one system ---------------------------------------------------------------------------------

async function measure(server, file, bytes) {
  log(`starting ${server.label}`);
  await server.start();
  try {
    if (warmupMb > 0) {
      log(`${server.label}: warm-up upload of ${warmupMb} MiB`);
      await runClient(server, file, warmupMb * MiB, 'warm-up.bin');
    }
    // Whatever the warm-up set off (Vidcastx queues a transcode of it) settles, and the bytes
    // written so far reach the disk, so that no system pays for what came before it.
    await sleep(idleSeconds * 1000);
    spawnSync('sync');

    const before = memory(server.pid);
    const cpuBefore = cpuSeconds(server.pid);
    // Writing 5 to clear_refs resets VmHWM to the current RSS: the next VmHWM is the peak of the
    // upload alone. Should the kernel refuse, RSS sampled every 100 ms stands in for it.
    const hwmReset = resetPeak(server.pid);
    let sampledPeak = before.rssKiB;
    const sampler = setInterval(() => {
      sampledPeak = Math.max(sampledPeak, memory(server.pid).rssKiB ?? 0);
    }, 100);
    log(`${server.label}: uploading ${bytes / MiB} MiB`);
    let upload;
    try {
      upload = await runClient(server, file, bytes, `bench-${bytes / MiB}MiB.bin`);
    } finally {
      clearInterval(sampler);
    }
    const after = memory(server.pid);
    const cpuAfter = cpuSeconds(server.pid);
    const stored = server.storedBytes?.(upload.url);
    if (stored !== undefined && stored !== bytes) {
      throw new Error(`${server.label} stored ${stored} bytes, not ${bytes}`);
    }
    const peakUploadKiB = hwmReset ? after.hwmKiB : Math.max(sampledPeak, after.rssKiB);
    return {
      system: server.label,
      bytes,
      seconds: round(upload.seconds, 3),
      mibPerSecond: round(bytes / MiB / upload.seconds, 1),
      requests: upload.requests,
      patches: upload.patches,
      serverCpuSeconds: round(cpuAfter - cpuBefore, 2),
      rssBeforeKiB: before.rssKiB,
      peakUploadKiB,
      peakUploadFrom: hwmReset ? 'VmHWM' : 'sampled VmRSS',
      peakLifetimeKiB: Math.max(before.hwmKiB, after.hwmKiB),
      rssAfterKiB: after.rssKiB,
    };
  } finally {
    await server.stop();
  }
}

function runClient(server, file, bytes, filename) {
  const clientArgs = [join(here, 'client.mjs'), '--endpoint', server.endpoint, '--file', file,
    '--bytes', String(bytes), '--chunk-mb', String(chunkMb), '--filename', filename];
  if (server.authorization) {
    clientArgs.push('--authorization', server.authorization);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, clientArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (data) => {
      out += data;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`the client failed against ${server.label} (exit ${code})${server.logTail()}`));
        return;
      }
      resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

// --- the servers --------------------------------------------------------------------------------

function vidcastx() {
  const dataDir = join(work, 'vidcastx-data');
  const logFile = join(work, 'vidcastx.log');
  const tokenId = `benchupl${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  const server = {
    label: 'Vidcastx',
    key: 'vidcastx',
    authorization: `Basic ${Buffer.from(`${tokenId}:${secret}`).toString('base64')}`,
    logTail: () => tail(logFile),
    async start() {
      const port = await freePort();
      server.port = port;
      server.javaTmpBefore = new Set(javaTmpEntries());
      const base = `http://127.0.0.1:${port}`;
      server.endpoint = `${base}/uploads/tus`;
      const out = openSync(logFile, 'a');
      const child = spawn(args.java, ['--enable-native-access=ALL-UNNAMED', '-jar', args.jar], {
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          PORT: String(port),
          VIDCASTX_EMBEDDED_DATA_DIR: dataDir,
          VIDCASTX_ADMIN_EMAIL: 'bench@example.com',
          VIDCASTX_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
          VIDCASTX_BOOTSTRAP_API_KEY: `${tokenId}:${secret}`,
          // vidcastx.transcode.work-dir: the transcode of each upload downloads it here, not to /tmp.
          VIDCASTX_TRANSCODE_WORKDIR: join(work, 'transcode'),
        },
      });
      closeSync(out);
      track(server, child);
      const started = Date.now();
      // Ready: the login page answers, and the API key (seeded once the app has started) is
      // accepted by the TUS endpoint, which then tells the organization's Tus-Max-Size.
      await waitFor(server, 300, async () => {
        const login = await httpRequest('GET', `${base}/login`);
        if (login.status !== 200) return false;
        const options = await httpRequest('OPTIONS', server.endpoint,
          { Authorization: server.authorization, 'Tus-Resumable': '1.0.0' });
        return options.headers['tus-max-size'] !== undefined;
      });
      log(`Vidcastx ready on port ${port} after ${round((Date.now() - started) / 1000, 1)} s (pid ${child.pid})`);
    },
    async stop() {
      await stopProcess(server, 60, dataDir);
      rmSync(dataDir, { recursive: true, force: true });
      // Spring Boot leaves Tomcat's scratch directories in java.io.tmpdir, named by the port.
      for (const entry of javaTmpEntries()) {
        if (!server.javaTmpBefore.has(entry) && /^tomcat(-docbase)?\.(\d+)\./.exec(entry)?.[2] === String(server.port)) {
          rmSync(join(JAVA_TMP, entry), { recursive: true, force: true });
        }
      }
    },
  };
  return server;
}

function tusServer() {
  const dir = join(work, 'tus-files');
  const logFile = join(work, 'tus-server.log');
  const server = {
    label: `@tus/server ${tusServerVersion}`,
    key: 'tusServer',
    logTail: () => tail(logFile),
    async start() {
      const err = openSync(logFile, 'a');
      const child = spawn(process.execPath, [join(here, 'tus-server.mjs'), '--dir', dir, '--port', '0'], {
        stdio: ['ignore', 'pipe', err],
      });
      closeSync(err);
      track(server, child);
      let out = '';
      child.stdout.on('data', (data) => {
        out += data;
      });
      await waitFor(server, 30, async () => out.includes('\n'));
      const { port, path } = JSON.parse(out.split('\n')[0]);
      server.endpoint = `http://127.0.0.1:${port}${path}`;
      log(`@tus/server ready on port ${port} (pid ${child.pid})`);
    },
    // FileStore keeps each upload as one file named by the upload id.
    storedBytes: (url) => statSync(join(dir, url.split('/').pop())).size,
    async stop() {
      await stopProcess(server, 30);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

function javaTmpEntries() {
  try {
    return readdirSync(JAVA_TMP);
  } catch {
    return [];
  }
}

function track(server, child) {
  server.pid = child.pid;
  server.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  server.hasExited = false;
  server.exited.then(() => {
    server.hasExited = true;
  });
  child.on('error', (error) => console.error(`${server.label}: ${error.message}`));
  running.add(server);
}

async function waitFor(server, seconds, ready) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.hasExited) {
      throw new Error(`${server.label} exited while starting${server.logTail()}`);
    }
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${server.label} was not ready within ${seconds} s${server.logTail()}`);
}

// SIGTERM, then SIGKILL after the grace period; then every process that descended from the server
// (Vidcastx's embedded PostgreSQL and Redis) must be gone too, or is ended by its own pid.
async function stopProcess(server, graceSeconds, ownPath) {
  if (!running.has(server)) return;
  running.delete(server);
  // Embedded PostgreSQL daemonizes (its parent becomes init), so it is found by its data directory.
  const descendants = descendantsOf(server.pid, ownPath);
  if (descendants.length > 0) {
    const names = [...new Set(descendants.map((p) => p.name))].join(', ');
    log(`stopping ${server.label} and the ${descendants.length} processes it started (${names})`);
  }
  const stopping = Date.now();
  if (!server.hasExited) {
    process.kill(server.pid, 'SIGTERM');
    const stopped = await Promise.race([server.exited, sleep(graceSeconds * 1000).then(() => null)]);
    if (stopped === null) {
      log(`${server.label} did not stop within ${graceSeconds} s of SIGTERM; sending SIGKILL`);
      process.kill(server.pid, 'SIGKILL');
      await server.exited;
    }
  }
  log(`${server.label} stopped in ${round((Date.now() - stopping) / 1000, 1)} s`);
  let left = descendants.filter(isAlive);
  for (let i = 0; i < 50 && left.length > 0; i++) {
    await sleep(200);
    left = left.filter(isAlive);
  }
  if (left.length > 0) {
    log(`${server.label} left ${left.map((p) => `${p.pid} (${p.name})`).join(', ')} running; ending them`);
    for (const signal of ['SIGTERM', 'SIGKILL']) {
      for (const p of left.filter(isAlive)) {
        try {
          process.kill(p.pid, signal);
        } catch {
          // gone meanwhile
        }
      }
      await sleep(3000);
    }
  }
}

async function stopAll() {
  for (const server of [...running]) {
    try {
      await server.stop();
    } catch (error) {
      console.error(`could not stop ${server.label}: ${error.message}`);
    }
  }
}

function removeWork() {
  if (args['log-dir'] && existsSync(work)) {
    mkdirSync(args['log-dir'], { recursive: true });
    for (const name of readdirSync(work).filter((n) => n.endsWith('.log'))) {
      copyFileSync(join(work, name), join(args['log-dir'], name));
    }
  }
  rmSync(work, { recursive: true, force: true });
}

// --- /proc --------------------------------------------------------------------------------------

function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') };
  } catch {
    return { rssKiB: null, hwmKiB: null };
  }
}

function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

// utime + stime of the process (all its threads), in seconds.
function cpuSeconds(pid) {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

// The fields of /proc/<pid>/stat after the command name: [0] is the state, [1] the parent pid,
// [19] the start time.
function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
}

// The processes started by root, and those whose command line names ownPath (a directory that
// belongs to this run alone), with all of theirs.
function descendantsOf(root, ownPath) {
  const processes = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
      const cmdline = ownPath ? readFileSync(`/proc/${entry}/cmdline`, 'utf8') : '';
      processes.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        start: fields[19],
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        owned: Number(entry) !== root && ownPath !== undefined && cmdline.includes(ownPath),
      });
    } catch {
      // ended while listing
    }
  }
  const found = processes.filter((p) => p.owned);
  const parents = new Set([root, ...found.map((p) => p.pid)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of processes) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

// Alive and still the same process (a reused pid has another start time); zombies count as gone.
function isAlive(p) {
  try {
    const fields = statFields(p.pid);
    return fields[19] === p.start && fields[0] !== 'Z';
  } catch {
    return false;
  }
}

// --- output -------------------------------------------------------------------------------------

function report(results, bytes) {
  const v = results.vidcastx;
  const t = results.tusServer;
  const ratio = v.mibPerSecond / t.mibPerSecond;
  const chunk = chunkMb === 0 ? 'Infinity (one PATCH)' : `${chunkMb} MiB`;
  const mib = (kib) => (kib == null ? 'n/a' : `${Math.round(kib / 1024)}`);
  const rows = [
    ['system', 'seconds', 'MiB/s', 'PATCHes', 'server CPU s', 'RSS before MiB', 'peak in upload MiB',
      'VmHWM MiB'],
    ...[v, t].map((r) => [r.system, r.seconds.toFixed(2), r.mibPerSecond.toFixed(1), String(r.patches),
      r.serverCpuSeconds.toFixed(1), mib(r.rssBeforeKiB), mib(r.peakUploadKiB), mib(r.peakLifetimeKiB)]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
    .join(' | ');

  const out = [];
  out.push('');
  out.push(`TUS upload: ${bytes / MiB} MiB of random bytes over loopback, tus-js-client ${tusClientVersion} `
    + `(Node ${process.version}, separate process), fs.ReadStream source, chunkSize ${chunk}, `
    + `timed from start() to onSuccess` + (warmupMb > 0 ? `, after a ${warmupMb} MiB warm-up upload` : '')
    + '.');
  out.push(`Reference: @tus/server ${tusServerVersion} with @tus/file-store ${fileStoreVersion} (Node). `
    + 'Memory is the server process\'s own (/proc/<pid>/status; MiB = 1,048,576 bytes).');
  out.push('');
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) out.push(line(row));
  out.push('');
  out.push(`throughput vidcastx: ${v.mibPerSecond.toFixed(1)} MiB/s, tus-server: ${t.mibPerSecond.toFixed(1)} MiB/s`);
  out.push(`throughput ratio vidcastx/tus-server: ${ratio.toFixed(2)}x`);
  for (const [name, r] of [['vidcastx', v], ['tus-server', t]]) {
    out.push(`peak memory ${name}: VmHWM ${mib(r.peakLifetimeKiB)} MiB since start, `
      + `${mib(r.peakUploadKiB)} MiB during the upload (${r.peakUploadFrom}), RSS ${mib(r.rssBeforeKiB)} MiB before it`);
  }
  out.push(JSON.stringify({
    bench: 'upload',
    bytes,
    chunkBytes: chunkMb === 0 ? null : chunkMb * MiB,
    warmupBytes: warmupMb * MiB,
    versions: { tusJsClient: tusClientVersion, tusServer: tusServerVersion, fileStore: fileStoreVersion,
      node: process.version },
    vidcastx: v,
    tusServer: t,
    ratio: round(ratio, 3),
  }));
  process.stdout.write(out.join('\n') + '\n');
}

// --- small helpers ------------------------------------------------------------------------------

function httpRequest(method, url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function tail(file, lines = 40) {
  try {
    const text = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return text ? `\n--- last lines of ${file} ---\n${text}` : '';
  } catch {
    return '';
  }
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function wholeNumber(name, min) {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min) {
    fail(`--${name} must be an integer of at least ${min}, got "${args[name]}"`);
  }
  return value;
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function log(message) {
  console.error(`[upload bench] ${message}`);
}

function fail(message) {
  console.error(`upload bench: ${message}`);
  process.exit(2);
}
