// The reference side of the upload benchmark: @tus/server with its FileStore, as its README's
// standalone example sets it up, in a process of its own so that its memory is measured apart
// from the client's.
//
//   node tus-server.mjs --dir /tmp/files [--host 127.0.0.1] [--port 0]
//
// Prints one line of JSON ({"port": N, "path": "/files"}) on stdout once it is listening; stops on
// SIGTERM or SIGINT.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
  },
  strict: true,
});
if (!args.dir) {
  console.error('tus-server: --dir is required');
  process.exit(2);
}
mkdirSync(args.dir, { recursive: true });

const path = '/files';
const tus = new Server({ path, datastore: new FileStore({ directory: args.dir }) });
const server = tus.listen({ host: args.host, port: Number(args.port) }, () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, path }) + '\n');
});
server.on('error', (error) => {
  console.error(`tus-server: ${error.stack ?? error}`);
  process.exit(1);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2_000).unref();
  });
}
