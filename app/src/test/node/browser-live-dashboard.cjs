// The dashboard of a stream that is live: the Live list (green dot and time live) and the stream's page,
// whose preview player (hls.js) must play the live playlist. Screenshots go to <shots>.
// node browser-live-dashboard.cjs <baseUrl> <email> <password> <liveStreamId> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');

(async () => {
  const [base, email, password, streamId, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const report = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });

    await page.goto(`${base}/live`);
    await page.waitForSelector('vaadin-grid', { timeout: 30000 });
    await page.waitForTimeout(1000);
    report.listText = await page.locator('vaadin-grid').innerText();
    await page.screenshot({ path: path.join(shots, 'live-list.png') });

    await page.goto(`${base}/live/stream/${streamId}`);
    await page.waitForSelector('.video-preview video', { timeout: 30000 });
    const video = page.locator('.video-preview video');
    await video.evaluate((v) => { v.muted = true; v.play().catch(() => {}); });
    await page.waitForFunction(() => document.querySelector('.video-preview video').currentTime > 1.0, null, { timeout: 30000 });
    report.previewTime = await video.evaluate((v) => v.currentTime);
    report.keyType = await page.locator('vaadin-password-field input').getAttribute('type');
    await page.screenshot({ path: path.join(shots, 'live-stream.png'), fullPage: true });
    report.errors = errors;
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
