// The official Mux SDK's Data API calls against Vidcastx: only the base URL and credentials change.
// node mux-data-sdk.cjs <baseUrl> <tokenId> <tokenSecret> <videoId>   -> prints a JSON report
const Mux = require('@mux/mux-node');
const MuxClient = Mux.default || Mux;

(async () => {
  const [baseURL, tokenId, tokenSecret, videoId] = process.argv.slice(2);
  const mux = new MuxClient({ baseURL, tokenId, tokenSecret, maxRetries: 0 });
  const filters = [`video_id:${videoId}`];
  const report = {};
  const overall = await mux.data.metrics.getOverallValues('views', { timeframe: ['24:hours'], filters });
  report.views = overall.data.value;
  report.watchTime = overall.data.total_watch_time;
  report.startup = (await mux.data.metrics.getOverallValues('video_startup_time', { filters })).data.value;
  report.score = (await mux.data.metrics.getOverallValues('viewer_experience_score', { filters })).data.value;
  const countries = await mux.data.metrics.listBreakdownValues('views', { group_by: 'country', filters });
  report.countries = countries.data.map((row) => [row.field, row.views]);
  const browsers = await mux.data.metrics.listBreakdownValues('views', { group_by: 'browser', filters });
  report.browsers = browsers.data.map((row) => row.field);
  const now = Math.floor(Date.now() / 1000);
  const series = await mux.data.metrics.getTimeseries('views', { timeframe: [String(now - 86400), String(now)], filters });
  report.seriesViews = series.data.reduce((sum, point) => sum + point[2], 0);
  const views = await mux.data.videoViews.list({ filters });
  report.viewIds = views.data.map((v) => v.id);
  report.oneView = (await mux.data.videoViews.retrieve(views.data[0].id)).data.country_code;
  try {
    await mux.data.metrics.getOverallValues('views', { timeframe: ['soon'] });
  } catch (e) {
    report.badTimeframe = e.status;
  }
  console.log(JSON.stringify(report));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
