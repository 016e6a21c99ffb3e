// Headless Chromium: the embed's audio menu lists the original and the dub, is reached with Tab and
// switched with the arrow keys, hls.js then plays the Spanish rendition while currentTime advances;
// the video page shows the same menu and the dubbing panel's preview. axe-core (WCAG 2.1 AA) on both.
// node browser-dubbing.cjs <baseUrl> <email> <password> <playbackId> <videoId> <shots>
const path = require('node:path');
const { axeViolations } = require('./axe.cjs');
const { launch, signIn } = require('./browser.cjs');

(async () => {
  const [base, email, password, playbackId, videoId, shots] = process.argv.slice(2);
  const browser = await launch();
  const report = { embed: {}, page: {} };
  try {
    const embed = await browser.newPage({ viewport: { width: 960, height: 540 } });
    const errors = [];
    embed.on('pageerror', (e) => errors.push(String(e)));
    embed.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await embed.goto(`${base}/embed/${playbackId}?autoplay=1`);
    await embed.waitForSelector('select.vx-audio', { timeout: 30000 });
    await embed.waitForFunction(() => document.querySelector('video').currentTime > 0.5, null, { timeout: 30000 });
    report.embed.options = await embed.evaluate(() => [...document.querySelectorAll('select.vx-audio option')]
      .map((o) => ({ text: o.textContent, lang: o.lang, selected: o.selected })));
    // Keyboard only: Tab until the menu has focus, then the arrow key picks the next language.
    let tabs = 0;
    while (tabs < 15 && !(await embed.evaluate(() => document.activeElement?.classList.contains('vx-audio')))) {
      await embed.keyboard.press('Tab');
      tabs++;
    }
    report.embed.focusedAfterTabs = (await embed.evaluate(() => document.activeElement?.classList.contains('vx-audio')))
      ? tabs : -1;
    await embed.keyboard.press('ArrowDown');
    await embed.waitForFunction(() => document.getElementById('player').__vidcastxPlayer.hls.audioTrack === 1, null,
      { timeout: 15000 }).catch(() => {});
    const switchedAt = await embed.evaluate(() => document.querySelector('video').currentTime);
    await embed.waitForFunction((t) => document.querySelector('video').currentTime > t + 1, switchedAt,
      { timeout: 20000 }).catch(() => {});
    report.embed.after = await embed.evaluate(() => {
      const { video, hls } = document.getElementById('player').__vidcastxPlayer;
      return { audioTrack: hls.audioTrack, lang: hls.audioTracks[hls.audioTrack]?.lang, currentTime: video.currentTime,
        tracks: hls.audioTracks.map((t) => t.name), menu: document.querySelector('select.vx-audio').value };
    });
    report.embed.switchedAt = switchedAt;
    report.embed.errors = errors;
    report.embed.axe = await axeViolations(embed);
    await embed.screenshot({ path: path.join(shots, 'embed-audio-menu.png') });

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await signIn(page, base, email, password);
    await page.goto(`${base}/videos/${videoId}`);
    await page.waitForSelector('.video-preview select.vx-audio', { timeout: 30000 });
    await page.waitForSelector('#dub-tracks audio', { timeout: 30000 });
    report.page.menu = await page.evaluate(() => [...document.querySelectorAll('.video-preview select.vx-audio option')]
      .map((o) => o.textContent));
    report.page.preview = await page.evaluate(async () => {
      const audio = document.querySelector('#dub-tracks audio');
      audio.muted = true;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      return { src: audio.getAttribute('src'), currentTime: audio.currentTime, duration: audio.duration };
    });
    await page.locator('#dub-tracks').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'page-videos-detail-dubbing.png') });
    report.page.errors = pageErrors;
    report.page.axe = await axeViolations(page);
    // axe's own words (colours, ratio) when contrast fails, so a failure says what to change.
    report.page.contrast = await page.evaluate(async () => (await window.axe.run(document,
      { runOnly: { type: 'rule', values: ['color-contrast'] } })).violations.flatMap((v) => v.nodes.map((n) => n.failureSummary)));
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
