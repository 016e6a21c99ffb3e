// Headless Chromium over the running app: the embed page plays HLS (currentTime advances) with the
// captions of its SUBTITLES group, and every dashboard page renders without console errors.
// Each of them is checked with axe-core's WCAG 2.1 AA rules. Screenshots go to <shots>.
// node browser-pages.cjs <baseUrl> <email> <password> <playbackId> <videoId> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');
const { axeViolations } = require('./axe.cjs');

(async () => {
  const [base, email, password, playbackId, videoId, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const report = { embed: {}, pages: {} };
  try {
    const embed = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const embedErrors = [];
    embed.on('pageerror', (e) => embedErrors.push(String(e)));
    embed.on('console', (m) => { if (m.type() === 'error') embedErrors.push(m.text()); });
    await embed.goto(`${base}/embed/${playbackId}?autoplay=1`);
    await embed.waitForSelector('video');
    await embed.waitForFunction(() => document.querySelector('video').currentTime > 1.0, null, { timeout: 30000 });
    // hls.js turns the SUBTITLES group into a text track and fills it from the WebVTT file.
    await embed.waitForFunction(() => [...document.querySelector('video').textTracks]
      .some((t) => t.cues && t.cues.length > 0), null, { timeout: 30000 });
    report.embed = {
      currentTime: await embed.evaluate(() => document.querySelector('video').currentTime),
      videoWidth: await embed.evaluate(() => document.querySelector('video').videoWidth),
      textTracks: await embed.evaluate(() => [...document.querySelector('video').textTracks].map((t) => ({
        kind: t.kind, language: t.language, label: t.label, mode: t.mode,
        cues: t.cues ? [...t.cues].map((c) => ({ start: c.startTime, end: c.endTime, text: c.text })) : [],
      }))),
      errors: embedErrors,
      axe: await axeViolations(embed),
    };
    await embed.screenshot({ path: path.join(shots, 'embed-playing.png') });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    const paths = ['', 'videos', `videos/${videoId}`, 'transcripts', 'live', 'analytics', 'developers/api-keys',
      'developers/webhooks', 'settings/general', 'settings/team', 'settings/billing'];
    for (const p of paths) {
      errors = [];
      await page.goto(`${base}/${p}`);
      await page.waitForSelector('vaadin-app-layout', { timeout: 30000 });
      await page.waitForTimeout(p.startsWith('videos/') ? 2500 : 700);
      const name = p === '' ? 'home' : p.replace(/\//g, '-').replace(/-[0-9a-f-]{36}$/, '-detail');
      await page.screenshot({ path: path.join(shots, `page-${name}.png`) });
      if (p.startsWith('videos/')) {
        // The transcript editor sits below the player: scroll to it for a picture of its own.
        await page.locator('.transcript-panel').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(shots, 'page-videos-detail-transcript.png') });
      }
      report.pages[name] = { errors: [...errors], title: await page.title(), axe: await axeViolations(page) };
    }
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
