// Headless Chromium on a processing video's page: the badge follows the progress the worker publishes
// and the player appears once the video is ready, without a reload. The Java side drives the video and
// waits for the marker files this script writes. Screenshots go to <shots>.
// node browser-live-status.cjs <baseUrl> <email> <password> <videoId> <shots>
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const path = require('node:path');

(async () => {
  const [base, email, password, videoId, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { badges: [], loads: 0, errors: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });

    await page.goto(`${base}/videos/${videoId}`);
    // Counted from here on: a reload of the video page would show up as a second load.
    page.on('load', () => { report.loads += 1; });
    const badge = page.locator('.status-badge');
    const seen = async (text) => {
      await page.waitForFunction((t) => document.querySelector('.status-badge')?.textContent === t, text,
        { timeout: 60000 });
      report.badges.push(await badge.textContent());
    };
    await seen('Processing 31%');
    await page.screenshot({ path: path.join(shots, 'live-status-processing.png') });
    fs.writeFileSync(path.join(shots, 'live-status.opened'), 'opened');

    await seen('Processing 64%');
    fs.writeFileSync(path.join(shots, 'live-status.progress-seen'), 'seen');

    await page.waitForSelector('.video-preview video', { timeout: 60000 });
    await seen('Ready');
    // The player is the real one: hls.js loads the stream and the poster, and the video can play.
    await page.waitForFunction(() => document.querySelector('.video-preview video').readyState >= 1, null,
      { timeout: 30000 });
    report.videoWidth = await page.evaluate(() => document.querySelector('.video-preview video').videoWidth);
    await page.screenshot({ path: path.join(shots, 'live-status-ready.png') });
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
