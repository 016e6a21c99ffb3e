// Verifies captured webhook deliveries the way receivers do: with the standardwebhooks library
// (webhook-id/-timestamp/-signature) and with the official Mux SDK (Mux-Signature).
// node webhook-verify.cjs <input.json>   input: {secrets: [...], requests: [{headers: {...}, body: "..."}]}
// -> prints a JSON report: per request and secret, whether each library accepted the real body and a
//    tampered one, and the event type the Mux SDK parsed.
const fs = require('fs');
const { Webhook } = require('standardwebhooks');
const Mux = require('@mux/mux-node');
const MuxClient = Mux.default || Mux;

(async () => {
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const mux = new MuxClient({ tokenId: 'unused', tokenSecret: 'unused' });
  const report = [];
  for (const request of input.requests) {
    for (const secret of input.secrets) {
      const tampered = request.body.replace('"type"', '"tipe"');
      report.push({
        webhookId: request.headers['webhook-id'],
        standard: standard(secret, request.body, request.headers),
        standardTampered: standard(secret, tampered, request.headers),
        mux: await muxVerifies(secret, request.body, request.headers),
        muxTampered: await muxVerifies(secret, tampered, request.headers),
        muxType: (await mux.webhooks.unwrap(request.body, request.headers, secret).catch(() => ({}))).type || null,
      });
    }
  }
  console.log(JSON.stringify(report));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

function standard(secret, body, headers) {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch (e) {
    return false;
  }
}

async function muxVerifies(secret, body, headers) {
  const mux = new MuxClient({ tokenId: 'unused', tokenSecret: 'unused' });
  try {
    await mux.webhooks.verifySignature(body, headers, secret);
    return true;
  } catch (e) {
    return false;
  }
}
