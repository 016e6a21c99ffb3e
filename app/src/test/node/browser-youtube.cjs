// Headless Chromium over the running app: Settings › Integrations › YouTube with a connected channel, and
// the video page's Publish to YouTube dialog. Prints JSON (errors, texts); screenshots go to <shots>.
// node browser-youtube.cjs <baseUrl> <email> <password> <videoId> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');
const { axeViolations } = require('./axe.cjs');

(async () => {
  const [base, email, password, videoId, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const report = { errors: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (e) => report.errors.push(String(e)));
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });

    await page.goto(`${base}/settings/integrations/youtube`);
    await page.waitForSelector('#youtube-channel', { timeout: 30000 });
    await page.waitForTimeout(800);
    report.integration = await page.locator('#youtube-channel').innerText();
    await page.screenshot({ path: path.join(shots, 'youtube-integration.png') });

    await page.goto(`${base}/videos/${videoId}`);
    await page.waitForSelector('#publish-history', { timeout: 30000 });
    await page.locator('vaadin-button', { hasText: 'Publish to YouTube' }).scrollIntoViewIfNeeded();
    await page.locator('vaadin-button', { hasText: 'Publish to YouTube' }).click();
    await page.waitForSelector('vaadin-dialog[opened]', { state: 'attached', timeout: 30000 });
    await page.waitForTimeout(800);
    report.dialog = await page.locator('vaadin-dialog[opened]').first().innerText();
    // the thumbnail picker: a frame of one's choice, whose preview the image API cuts
    await page.locator('vaadin-radio-button', { hasText: 'A frame I choose' }).click();
    await page.waitForFunction(() => {
      const img = document.querySelector('img.thumbnail-preview');
      return img && img.src.includes('time=') && img.complete && img.naturalWidth > 0;
    }, null, { timeout: 30000 });
    report.preview = await page.evaluate(() => {
      const img = document.querySelector('img.thumbnail-preview');
      return { src: img.getAttribute('src'), width: img.naturalWidth, alt: img.alt };
    });
    report.dialogAxe = await axeViolations(page, ['vaadin-dialog[opened]']);
    await page.screenshot({ path: path.join(shots, 'youtube-publish-dialog.png') });
  } catch (e) {
    report.errors.push(String(e));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(report));
})();
