// The official Mux SDK (@mux/mux-node) against Vidcastx: only the base URL and credentials change.
// node mux-sdk.cjs <baseUrl> <tokenId> <tokenSecret>   -> prints a JSON report
const Mux = require('@mux/mux-node');
const MuxClient = Mux.default || Mux;

(async () => {
  const [baseURL, tokenId, tokenSecret] = process.argv.slice(2);
  const mux = new MuxClient({ baseURL, tokenId, tokenSecret, maxRetries: 0 });
  const report = {};

  const upload = await mux.video.uploads.create({
    cors_origin: '*',
    new_asset_settings: { playback_policy: ['public'], meta: { title: 'SDK upload' } },
  });
  report.uploadStatus = upload.status;
  const put = await fetch(upload.url, { method: 'PUT', body: new Uint8Array(256 * 1024).map((_, i) => i % 251) });
  report.putStatus = put.status;

  const done = await mux.video.uploads.retrieve(upload.id);
  report.uploadAfterPut = done.status;
  const assetId = done.asset_id;

  const asset = await mux.video.assets.retrieve(assetId);
  report.asset = { id: asset.id, status: asset.status, title: asset.meta && asset.meta.title, playbackIds: asset.playback_ids };

  const page = await mux.video.assets.list({ limit: 50 });
  report.listed = page.data.some((a) => a.id === assetId);

  const updated = await mux.video.assets.update(assetId, { meta: { title: 'Renamed by SDK' } });
  report.updatedTitle = updated.meta.title;

  const extra = await mux.video.assets.createPlaybackId(assetId, { policy: 'signed' });
  const withExtra = await mux.video.assets.retrieve(assetId);
  report.playbackIds = withExtra.playback_ids.map((p) => p.policy);
  await mux.video.assets.deletePlaybackId(assetId, extra.id);
  report.playbackIdsAfterDelete = (await mux.video.assets.retrieve(assetId)).playback_ids.length;

  await mux.video.assets.delete(assetId);
  try {
    await mux.video.assets.retrieve(assetId);
    report.afterDelete = 'still there';
  } catch (error) {
    report.afterDelete = error.status;
  }

  const second = await mux.video.uploads.create({ cors_origin: '*' });
  const cancelled = await mux.video.uploads.cancel(second.id);
  report.cancelled = cancelled.status;

  console.log(JSON.stringify(report));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
