// A viewer on a customer's site (another origin) plays the embedded video for a few seconds; the
// embed page's unmodified mux-embed reports the view to Vidcastx. Meanwhile the owner has the video's
// page open: its Now Watching counter must go to 1 by itself while the video plays and back to 0 after
// the viewer's page closes (the API's count is read alongside). Then the video's page and the Analytics
// page, reloaded, must show the view (country, device, browser) in their panels, draw their charts and
// map without console errors, and pass axe-core's WCAG 2.1 AA rules with data in them.
// node browser-analytics.cjs <appBase> <snippet file> <tokenId> <tokenSecret> <videoId> <shots> <email> <password>
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { axeViolations } = require('./axe.cjs');

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
  const report = { beacons: [], errors: [], dashboardErrors: [] };
  try {
    // The owner signs in and opens the video's page before anyone watches.
    const owner = await browser.newContext({ viewport: { width: 1280, height: 2300 } }); // every panel in one picture
    const dashboard = await owner.newPage();
    dashboard.on('pageerror', (e) => report.dashboardErrors.push(String(e)));
    dashboard.on('console', (m) => { if (m.type() === 'error') report.dashboardErrors.push(m.text()); });
    await dashboard.goto(appBase + '/login');
    await dashboard.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await dashboard.locator('vaadin-login-form input[name=username]').fill(email);
    await dashboard.locator('vaadin-login-form input[name=password]').fill(password);
    await dashboard.locator('vaadin-login-form vaadin-button').first().click();
    await dashboard.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    await dashboard.goto(`${appBase}/videos/${videoId}`);
    await dashboard.waitForSelector('.now-watching-count', { timeout: 30000 });
    const onPage = async () => Number(await dashboard.locator('.now-watching-count').innerText());
    report.pageWatchingBefore = await onPage();

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
    // mux-embed sends its first batch within about 10 s of the view starting; the owner's page asks the
    // server every few seconds without anyone touching it.
    const until = Date.now() + 30000;
    report.watchingWhilePlaying = 0;
    report.pageWatchingWhilePlaying = 0;
    while (Date.now() < until && (report.watchingWhilePlaying === 0 || report.pageWatchingWhilePlaying === 0)) {
      await page.waitForTimeout(500);
      report.watchingWhilePlaying = await watching();
      report.pageWatchingWhilePlaying = await onPage();
    }
    report.played = await frame.evaluate(() => window.__played);
    await page.screenshot({ path: path.join(shots, 'analytics-embed-playing.png') });
    await dashboard.screenshot({ path: path.join(shots, 'analytics-video-page-watching.png') });
    await page.close({ runBeforeUnload: true });
    const closedAt = Date.now();
    report.watchingAfterClose = await watching();
    report.pageWatchingAfterClose = await onPage();
    while ((report.watchingAfterClose !== 0 || report.pageWatchingAfterClose !== 0) && Date.now() - closedAt < 40000) {
      await new Promise((r) => setTimeout(r, 500));
      if (report.watchingAfterClose !== 0) {
        report.watchingAfterClose = await watching();
        report.secondsToZero = (Date.now() - closedAt) / 1000;
      }
      report.pageWatchingAfterClose = await onPage();
    }
    report.secondsToZero = report.secondsToZero || (Date.now() - closedAt) / 1000;
    report.pageSecondsToZero = (Date.now() - closedAt) / 1000;
    await context.close();

    // The view is written within a second or two of its last beacon; then the panels show it.
    const since = Date.now();
    let views = 0;
    while (views === 0 && Date.now() - since < 15000) {
      const res = await fetch(`${appBase}/data/v1/metrics/views/overall?filters%5B%5D=video_id:${encodeURIComponent(videoId)}`,
        { headers: { Authorization: auth } });
      views = (await res.json()).data.value;
      if (views === 0) await new Promise((r) => setTimeout(r, 500));
    }
    // Grid.setAriaLabel sets the grid's accessibleName property (not an attribute); the cells are its light DOM.
    const gridTexts = (label) => dashboard.locator('vaadin-grid').evaluateAll((grids, name) => grids
      .filter((g) => g.accessibleName === name)
      .flatMap((g) => [...g.querySelectorAll('vaadin-grid-cell-content')].map((c) => c.innerText)), label);
    await dashboard.goto(`${appBase}/videos/${videoId}`);
    await dashboard.waitForSelector('.apexcharts-canvas', { timeout: 30000 });
    await dashboard.waitForTimeout(800);
    report.videoPage = {
      cards: await dashboard.locator('.stat-card').allInnerTexts(),
      countries: await gridTexts('Top countries'),
      browsers: await gridTexts('Browsers'),
      devices: await dashboard.locator('.apexcharts-legend-text').allInnerTexts(),
      axe: await axeViolations(dashboard),
    };
    await dashboard.screenshot({ path: path.join(shots, 'analytics-video-page.png'), fullPage: true });

    await dashboard.goto(appBase + '/analytics');
    await dashboard.waitForSelector('.apexcharts-canvas', { timeout: 30000 });
    await dashboard.waitForSelector('.jvm-region', { timeout: 15000 }).catch(() => {});
    report.mapRegions = await dashboard.locator('.jvm-region').count();
    report.countryFills = await dashboard.locator('.jvm-region').evaluateAll((regions) =>
      Object.fromEntries(regions.map((r) => [r.getAttribute('data-code'), r.getAttribute('fill')])));
    report.cards = await dashboard.locator('.stat-card').allInnerTexts();
    report.paragraphs = await dashboard.locator('p').allInnerTexts();
    await dashboard.waitForTimeout(800);
    report.analyticsAxe = await axeViolations(dashboard);
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
