// A customer's site on another origin (its own HTTP server on another port) pastes the embed
// snippet of the video page; headless Chromium opens it, the user clicks the player in the frame,
// and the video's currentTime must advance inside that cross-origin iframe. The same site also
// tries to frame the dashboard, which must stay blocked (frame-ancestors 'self').
// node browser-embed-cross-origin.cjs <appBase> <shots> <name>=<snippet file> ...
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

(async () => {
  const [appBase, shots, ...pages] = process.argv.slice(2);
  const sites = Object.fromEntries(pages.map((arg) => {
    const [name, file] = arg.split('=');
    return [name, fs.readFileSync(file, 'utf8')];
  }));
  sites.dashboard = `<iframe src="${appBase}/login" style="width:100%;height:400px"></iframe>`;
  const site = http.createServer((req, res) => {
    const name = req.url.replace(/^\//, '').replace(/\.html$/, '');
    if (!sites[name]) { res.writeHead(name === 'favicon.ico' ? 204 : 404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>A customer's site</title></head><body><h1>Our launch</h1>${sites[name]}</body></html>`);
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteBase = `http://127.0.0.1:${site.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { site: siteBase, pages: {} };
  try {
    for (const name of Object.keys(sites)) {
      const page = await browser.newPage({ viewport: { width: 960, height: 640 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${siteBase}/${name}.html`);
      await page.waitForLoadState('load');
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const entry = { frameUrl: frame ? frame.url() : null, errors };
      report.pages[name] = entry;
      if (name !== 'dashboard') {
        await frame.waitForSelector('video', { timeout: 30000 });
        const video = frame.locator('video');
        await video.evaluate((v) => { v.muted = true; }); // no sound card on the test machine
        await video.click(); // a user's click on the player inside the frame starts it
        await frame.waitForFunction(() => !document.querySelector('video').paused, null, { timeout: 10000 })
          .catch(() => video.evaluate((v) => v.play()));
        await frame.waitForFunction(() => document.querySelector('video').currentTime > 1.0, null, { timeout: 30000 });
        entry.currentTime = await video.evaluate((v) => v.currentTime);
        entry.frameOrigin = await frame.evaluate(() => location.origin);
      } else {
        await page.waitForTimeout(1000);
        entry.frameUrl = page.frames().find((f) => f !== page.mainFrame()).url();
      }
      await page.screenshot({ path: path.join(shots, `embed-on-another-site-${name}.png`) });
      await page.close();
    }
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
    site.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
