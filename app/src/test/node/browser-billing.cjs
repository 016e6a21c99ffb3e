// Headless Chromium on Settings › Billing with usage near a limit: signs in as the owner, opens the
// page, reads the usage bars' words and takes a screenshot; then the Videos page's quota notice.
// node browser-billing.cjs <baseUrl> <email> <password> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');

(async () => {
  const [base, email, password, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { errors: [] };
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
    await page.goto(base + '/login');
    await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
    await page.locator('vaadin-login-form input[name=username]').fill(email);
    await page.locator('vaadin-login-form input[name=password]').fill(password);
    await page.locator('vaadin-login-form vaadin-button').first().click();
    await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    await page.goto(base + '/settings/billing');
    await page.waitForSelector('.vx-usage-bar', { timeout: 30000 });
    report.bars = await page.locator('.vx-usage-bar').allInnerTexts();
    report.notice = await page.locator('.vx-billing-notice').allInnerTexts();
    await page.screenshot({ path: path.join(shots, 'billing-near-limit.png'), fullPage: true });
    await page.goto(base + '/');
    await page.waitForSelector('.vx-encoding-card', { timeout: 30000 });
    report.home = await page.locator('.vx-encoding-card').innerText();
    await page.screenshot({ path: path.join(shots, 'home-encoding.png') });
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { console.error(e); process.exit(1); });
