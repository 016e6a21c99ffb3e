// What every Chromium script here starts with: the browser as the project runs it (never downloaded,
// no network beyond the app), and a sign-in through the real login form.
const { chromium } = require('playwright-core');

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

async function signIn(page, base, email, password) {
  await page.goto(base + '/login');
  await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
  await page.locator('vaadin-login-form input[name=username]').fill(email);
  await page.locator('vaadin-login-form input[name=password]').fill(password);
  await page.locator('vaadin-login-form vaadin-button').first().click();
  await page.waitForSelector('vaadin-side-nav', { timeout: 30000 });
}

module.exports = { launch, signIn };
