// Drives the dashboard in headless Chromium: sign in, open Videos, choose a file in the upload area,
// watch the progress bar move, wait for the video to appear in the list; screenshots along the way.
// node browser-upload.cjs <baseUrl> <email> <password> <file> <screenshotDir>
const { chromium } = require('playwright-core');
const path = require('node:path');

(async () => {
  const [base, email, password, file, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const progress = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    await page.goto(base + '/videos');
    await page.waitForSelector('.vx-drop-zone', { timeout: 30000 });
    await page.screenshot({ path: path.join(shots, 'videos-empty.png') });

    await page.locator('.vx-file-input').setInputFiles(file);
    let shotTaken = false;
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline) {
      const value = await page.locator('.vx-upload').first().getAttribute('data-progress');
      if (value !== null) {
        const number = Number(value);
        if (progress[progress.length - 1] !== number) progress.push(number);
        if (!shotTaken && number > 0 && number < 100) {
          await page.screenshot({ path: path.join(shots, 'upload-in-progress.png') });
          shotTaken = true;
        }
        if (number >= 100) break;
      }
      await page.waitForTimeout(40);
    }
    const title = path.basename(file).replace(/\.[^.]+$/, '');
    await page.locator('vaadin-grid-cell-content', { hasText: title }).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'upload-done.png') });
    console.log(JSON.stringify({ progress, errors, status: await page.locator('.vx-upload-status').first().textContent() }));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
