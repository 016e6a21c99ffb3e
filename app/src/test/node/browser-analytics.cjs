// A viewer on a customer's site (another origin) plays the embedded video for a few seconds; the
// embed page's unmodified mux-embed reports the view to Vidcastx. While it plays, Now Watching (read
// through the API) must say 1; after the page closes it must drop to 0.
// Then the owner opens the Analytics page, which must draw its charts and map without console errors.
// node browser-analytics.cjs <appBase> <snippet file> <tokenId> <tokenSecret> <videoId> <shots> <email> <password>
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

(async () => {
  const [appBase, snippetFile, tokenId, tokenSecret, videoId, shots, email, password] = process.argv.slice(2);
  const snippet = fs.readFileSync(snippetFile, 'utf8');
  const auth = 'Basic ' + Buffer.from(`${tokenId}:${tokenSecret}`).toString('base64');
  const watching = async () => {
    const res = await fetch(`${appBase}/data/v1/now-watching?video_id=${encodeURIComponent(videoId)}`, { headers: { Authorization: auth } });
    return (await res.json()).data.viewers;
  };
  const site = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>A customer's site</title></head><body><h1>Our launch</h1>${snippet}</body></html>`);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { beacons: [], errors: [] };
  try {
    // A desktop Chrome user (headless Chromium says "HeadlessChrome"), behind the trusted proxy that
    // names their address in X-Forwarded-For.
    const context = await browser.newContext({ userAgent: CHROME, extraHTTPHeaders: { 'X-Forwarded-For': '8.8.8.8' },
      viewport: { width: 960, height: 640 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    page.on('request', (r) => { if (r.method() === 'POST' && r.url().startsWith(appBase)) report.beacons.push(r.url()); });
    await page.goto(`http://127.0.0.1:${site.address().port}/`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await frame.waitForSelector('video', { timeout: 30000 });
    const video = frame.locator('video');
    // Loop so that it still plays when the first batch of beacons arrives; count the seconds played.
    await video.evaluate((v) => {
      v.muted = true;
      v.loop = true;
      let last = v.currentTime;
      window.__played = 0;
      v.addEventListener('timeupdate', () => {
        const delta = v.currentTime - last;
        if (delta > 0 && delta < 1) window.__played += delta;
        last = v.currentTime;
      });
    });
    await video.click();
    await frame.waitForFunction(() => !document.querySelector('video').paused, null, { timeout: 10000 })
      .catch(() => video.evaluate((v) => v.play()));
    await frame.waitForFunction(() => window.__played > 3.0, null, { timeout: 30000 });
    // mux-embed sends its first batch within about 10 s of the view starting.
    const until = Date.now() + 20000;
    report.watchingWhilePlaying = 0;
    while (Date.now() < until && report.watchingWhilePlaying === 0) {
      await page.waitForTimeout(500);
      report.watchingWhilePlaying = await watching();
    }
    report.played = await frame.evaluate(() => window.__played);
    await page.screenshot({ path: path.join(shots, 'analytics-embed-playing.png') });
    await page.close({ runBeforeUnload: true });
    const closedAt = Date.now();
    report.watchingAfterClose = await watching();
    while (report.watchingAfterClose !== 0 && Date.now() - closedAt < 40000) {
      await new Promise((r) => setTimeout(r, 500));
      report.watchingAfterClose = await watching();
    }
    report.secondsToZero = (Date.now() - closedAt) / 1000;
    await context.close();

    const dashboard = await browser.newPage({ viewport: { width: 1280, height: 2300 } }); // every panel in one picture
    report.dashboardErrors = [];
    dashboard.on('pageerror', (e) => report.dashboardErrors.push(String(e)));
    dashboard.on('console', (m) => { if (m.type() === 'error') report.dashboardErrors.push(m.text()); });
    await dashboard.goto(appBase + '/login');
    await dashboard.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await dashboard.locator('vaadin-login-form input[name=username]').fill(email);
    await dashboard.locator('vaadin-login-form input[name=password]').fill(password);
    await dashboard.locator('vaadin-login-form vaadin-button').first().click();
    await dashboard.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    await dashboard.goto(appBase + '/analytics');
    await dashboard.waitForSelector('.apexcharts-canvas', { timeout: 30000 });
    await dashboard.waitForSelector('.jvm-region', { timeout: 15000 }).catch(() => {});
    report.mapRegions = await dashboard.locator('.jvm-region').count();
    report.usFill = await dashboard.locator('.jvm-region[data-code="US"]').getAttribute('fill');
    report.cards = await dashboard.locator('.stat-card').allInnerTexts();
    await dashboard.waitForTimeout(800);
    await dashboard.screenshot({ path: path.join(shots, 'analytics-page.png'), fullPage: true });
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
    site.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
