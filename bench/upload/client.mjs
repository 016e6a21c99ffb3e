// The client of the upload benchmark: one tus-js-client upload of a file, timed from start() to
// onSuccess, with the same options whichever server it is pointed at.
//
//   node client.mjs --endpoint http://127.0.0.1:8080/uploads/tus --file /tmp/data.bin
//                   [--bytes N] [--chunk-mb 64] [--authorization 'Basic ...'] [--filename name]
//
// The source is an fs.ReadStream of the file: tus-js-client reads it as a file (not as a generic
// stream), so each PATCH streams its byte range straight from disk and the client never holds a
// chunk in memory; --chunk-mb 0 sends the whole file in one PATCH (chunkSize: Infinity).
// --bytes uploads only the first N bytes (the warm-up). Prints exactly one line of JSON on stdout.
import { createRequire } from 'node:module';
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import { Upload } from 'tus-js-client';

const { values: args } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    file: { type: 'string' },
    bytes: { type: 'string' },
    'chunk-mb': { type: 'string', default: '64' },
    authorization: { type: 'string' },
    filename: { type: 'string', default: 'vidcastx-upload-bench.bin' },
    'timeout-seconds': { type: 'string', default: '1800' },
  },
  strict: true,
});
if (!args.endpoint || !args.file) {
  fail('--endpoint and --file are required', 2);
}
const fileSize = statSync(args.file).size;
const bytes = args.bytes === undefined ? fileSize : Number(args.bytes);
if (!Number.isInteger(bytes) || bytes < 1 || bytes > fileSize) {
  fail(`--bytes must be an integer between 1 and the file's ${fileSize} bytes`, 2);
}
const chunkMb = Number(args['chunk-mb']);
if (!Number.isInteger(chunkMb) || chunkMb < 0) {
  fail('--chunk-mb must be a non-negative integer (0: the whole file in one request)', 2);
}
const chunkSize = chunkMb === 0 ? Infinity : chunkMb * 1024 * 1024;
const headers = args.authorization ? { Authorization: args.authorization } : {};
const version = createRequire(import.meta.url)('tus-js-client/package.json').version;

let requests = 0;
let patches = 0;
const started = performance.now();
const result = await new Promise((resolve, reject) => {
  const upload = new Upload(createReadStream(args.file, { start: 0, end: bytes - 1 }), {
    endpoint: args.endpoint,
    chunkSize,
    headers,
    metadata: { filename: args.filename, filetype: 'application/octet-stream' },
    // A retry would hide a failure inside the timing: any error ends the run.
    retryDelays: null,
    storeFingerprintForResuming: false,
    onAfterResponse: (req) => {
      requests++;
      if (req.getMethod() === 'PATCH') {
        patches++;
      }
    },
    onSuccess: () => resolve({ seconds: (performance.now() - started) / 1000, url: upload.url }),
    onError: (error) => reject(error),
  });
  setTimeout(() => reject(new Error(`no onSuccess within ${args['timeout-seconds']} s`)),
    Number(args['timeout-seconds']) * 1000).unref();
  upload.start();
}).catch((error) => fail(`upload to ${args.endpoint} failed: ${error.message ?? error}`, 1));

// Outside the timing: the server must agree that every byte arrived.
const offset = await headOffset(result.url);
if (offset !== bytes) {
  fail(`the server reports Upload-Offset ${offset} after onSuccess, expected ${bytes}`, 1);
}

process.stdout.write(JSON.stringify({
  tusJsClient: version,
  bytes,
  chunkBytes: Number.isFinite(chunkSize) ? chunkSize : null,
  seconds: result.seconds,
  requests,
  patches,
  url: result.url,
}) + '\n');

function headOffset(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD', headers: { ...headers, 'Tus-Resumable': '1.0.0' } }, (res) => {
      res.resume();
      if (res.statusCode !== 200) {
        reject(new Error(`HEAD ${url} answered ${res.statusCode}`));
        return;
      }
      resolve(Number(res.headers['upload-offset']));
    });
    req.on('error', reject);
    req.end();
  }).catch((error) => fail(`could not check the upload: ${error.message}`, 1));
}

function fail(message, code) {
  console.error(`client: ${message}`);
  process.exit(code);
}
