// Headless Chromium through the Webhooks pages as a person would use them: sign in, add an endpoint
// with two events, open it, send a test event, and read the delivery log. Screenshots go to <shots>.
// node browser-webhooks.cjs <baseUrl> <email> <password> <receiverUrl> <shots>   -> prints a JSON report
const { chromium } = require('playwright-core');
const path = require('node:path');

(async () => {
  const [base, email, password, receiverUrl, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { errors: [] };
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

    await page.goto(base + '/developers/webhooks');
    await page.getByRole('button', { name: 'Add endpoint' }).first().click();
    await page.getByRole('textbox', { name: 'Endpoint URL' }).fill(receiverUrl);
    await page.getByRole('textbox', { name: 'Description' }).fill('Chromium receiver');
    await page.getByRole('checkbox', { name: 'video.asset.ready' }).check();
    await page.getByRole('checkbox', { name: 'video.asset.errored' }).check();
    await page.screenshot({ path: path.join(shots, 'webhooks-add.png') });
    await page.getByRole('button', { name: 'Add endpoint' }).last().click();

    await page.waitForURL(/developers\/webhooks\/endpoint\//, { timeout: 15000 });
    report.endpointUrl = page.url();
    report.heading = await page.locator('h2').filter({ hasText: receiverUrl }).first().textContent();
    await page.getByRole('button', { name: 'Send test event' }).click();
    // The log is refreshed by hand, as a person would after the queue delivered.
    for (let i = 0; i < 30 && !(await page.getByText('HTTP 200').count()); i++) {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Refresh' }).click();
    }
    report.logShowsSuccess = (await page.getByText('HTTP 200').count()) > 0;
    report.logShowsEvent = (await page.getByText('webhook.test').count()) > 0;
    await page.screenshot({ path: path.join(shots, 'webhooks-log.png') });
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
