// hls.js in headless Chromium plays a dubbed video's master playlist from a local HTTP server,
// lists its audio tracks, switches to the dubbed language and keeps playing.
// node browser-dub-audio-tracks.cjs <hls folder> <hls.min.js> <language to switch to>
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

(async () => {
  const [folder, hlsJs, language] = process.argv.slice(2);
  const page = `<!doctype html><html><head><title>Dub</title><script src="/hls.min.js"></script></head><body>
<video id="v" muted playsinline style="width:320px"></video></body></html>`;
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0]);
    if (url === '/' || url === '/index.html') { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(page); return; }
    if (url === '/hls.min.js') { res.writeHead(200, { 'Content-Type': 'text/javascript' }); res.end(fs.readFileSync(hlsJs)); return; }
    const file = path.join(folder, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(folder) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const report = await tab.evaluate(async (lang) => {
      const video = document.getElementById('v');
      const hls = new Hls();
      const fatal = [];
      hls.on(Hls.Events.ERROR, (e, d) => { if (d.fatal) fatal.push(d.details); });
      const parsed = new Promise((resolve) => hls.on(Hls.Events.MANIFEST_PARSED, resolve));
      hls.loadSource('/master.m3u8');
      hls.attachMedia(video);
      const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error(what + ' timed out; fatal: ' + fatal)), ms));
      await Promise.race([parsed, timeout(15000, 'manifest')]);
      const tracks = hls.audioTracks.map((t) => ({ name: t.name, lang: t.lang, default: t.default, url: t.url || null }));
      await Promise.race([video.play(), timeout(15000, 'play')]);
      const index = hls.audioTracks.findIndex((t) => t.lang === lang);
      const switched = new Promise((resolve) => hls.on(Hls.Events.AUDIO_TRACK_SWITCHED, (e, d) => resolve(d.id)));
      hls.audioTrack = index;
      const switchedTo = await Promise.race([switched, new Promise((r) => setTimeout(() => r(-1), 10000))]);
      const before = video.currentTime;
      await new Promise((r) => setTimeout(r, 1500));
      return { tracks, index, switchedTo, selected: hls.audioTrack, before, after: video.currentTime, fatal };
    }, language);
    report.errors = errors;
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
