// The official Mux SDK's liveStreams resource (@mux/mux-node) against Vidcastx.
// node mux-sdk-live.cjs <baseUrl> <tokenId> <tokenSecret>   -> prints a JSON report
const Mux = require('@mux/mux-node');
const MuxClient = Mux.default || Mux;

(async () => {
  const [baseURL, tokenId, tokenSecret] = process.argv.slice(2);
  const mux = new MuxClient({ baseURL, tokenId, tokenSecret, maxRetries: 0 });
  const report = {};

  const created = await mux.video.liveStreams.create({
    playback_policy: ['public'],
    new_asset_settings: { playback_policy: ['public'] },
    reconnect_window: 30,
  });
  report.created = {
    id: created.id, status: created.status, keyLength: created.stream_key.length,
    playbackPolicies: created.playback_ids.map((p) => p.policy), reconnectWindow: created.reconnect_window,
    recordingPolicies: created.new_asset_settings && created.new_asset_settings.playback_policies,
  };
  const id = created.id;

  const retrieved = await mux.video.liveStreams.retrieve(id);
  report.sameKey = retrieved.stream_key === created.stream_key;

  const page = await mux.video.liveStreams.list({ limit: 50 });
  report.listed = page.data.some((s) => s.id === id);

  const reset = await mux.video.liveStreams.resetStreamKey(id);
  report.keyChanged = reset.stream_key !== created.stream_key;

  await mux.video.liveStreams.disable(id);
  report.afterDisable = (await mux.video.liveStreams.retrieve(id)).status;
  await mux.video.liveStreams.enable(id);
  report.afterEnable = (await mux.video.liveStreams.retrieve(id)).status;
  await mux.video.liveStreams.complete(id);

  const extra = await mux.video.liveStreams.createPlaybackId(id, { policy: 'signed' });
  report.playbackIds = (await mux.video.liveStreams.retrieve(id)).playback_ids.map((p) => p.policy);
  report.extraRetrieved = (await mux.video.liveStreams.retrievePlaybackId(id, extra.id)).policy;
  await mux.video.liveStreams.deletePlaybackId(id, extra.id);
  report.playbackIdsAfterDelete = (await mux.video.liveStreams.retrieve(id)).playback_ids.length;

  try {
    await mux.video.liveStreams.create({ playback_policy: ['everyone'] });
    report.badPolicy = 'accepted';
  } catch (error) {
    report.badPolicy = error.status;
  }

  await mux.video.liveStreams.delete(id);
  try {
    await mux.video.liveStreams.retrieve(id);
    report.afterDelete = 'still there';
  } catch (error) {
    report.afterDelete = error.status;
  }
  console.log(JSON.stringify(report));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
