// Headless Chromium, signed in to the dashboard: a signed video's thumbnail loads in the videos list
// (naturalWidth > 0) and its video page's preview plays (currentTime advances), with the dashboard's
// own tokens. Screenshots go to <shots>.
// node browser-signed-preview.cjs <baseUrl> <email> <password> <playbackId> <videoId> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');

(async () => {
  const [base, email, password, playbackId, videoId, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const report = { list: {}, page: {} };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });

    await page.goto(`${base}/videos`);
    const selector = `img.thumbnail[src*="image/${playbackId}/"]`;
    await page.waitForSelector(selector, { timeout: 30000 });
    await page.waitForFunction((s) => {
      const img = document.querySelector(s);
      return img && img.complete && img.naturalWidth > 0;
    }, selector, { timeout: 30000 }).catch(() => {});
    report.list = await page.evaluate((s) => {
      const img = document.querySelector(s);
      return { src: img.getAttribute('src'), naturalWidth: img.naturalWidth, complete: img.complete };
    }, selector);
    await page.screenshot({ path: path.join(shots, 'signed-videos-list.png') });

    await page.goto(`${base}/videos/${videoId}`);
    await page.waitForSelector('.video-preview video', { timeout: 30000 });
    await page.evaluate(() => {
      const video = document.querySelector('.video-preview video');
      video.muted = true;
      video.play().catch(() => {});
    });
    await page.waitForFunction(() => document.querySelector('.video-preview video').currentTime > 1.0, null,
      { timeout: 30000 }).catch(() => {});
    report.page = await page.evaluate(() => {
      const video = document.querySelector('.video-preview video');
      return { currentTime: video.currentTime, videoWidth: video.videoWidth, poster: video.poster };
    });
    await page.screenshot({ path: path.join(shots, 'signed-video-page.png') });
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
