// Uploads one file to Vidcastx with the real tus-js-client (Node), as an API client would.
// node tus-client-upload.cjs <endpoint> <tokenId> <secret> <file>   -> prints {"url": ...}
const fs = require('node:fs');
const path = require('node:path');
const tus = require('tus-js-client');

const [endpoint, tokenId, secret, file] = process.argv.slice(2);
const data = fs.readFileSync(file);
const upload = new tus.Upload(data, {
  endpoint,
  chunkSize: 5 * 1024 * 1024,
  retryDelays: [0, 500, 1000],
  headers: { Authorization: 'Basic ' + Buffer.from(`${tokenId}:${secret}`).toString('base64') },
  metadata: { filename: path.basename(file), filetype: 'video/mp4' },
  onError(error) {
    console.error(String(error));
    process.exit(1);
  },
  onSuccess() {
    console.log(JSON.stringify({ url: upload.url, bytes: data.length }));
  },
});
upload.start();
