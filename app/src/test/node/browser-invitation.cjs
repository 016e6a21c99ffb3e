// Headless Chromium through invitations as people do them:
// 1. the owner signs in, opens Team, invites an address and reads the link from the dialog;
// 2. a fresh browser opens the link, creates the account, signs in and reaches the dashboard;
// 3. an existing account opens a link to another organization, signs in when asked, comes back and joins.
// node browser-invitation.cjs <baseUrl> <ownerEmail> <ownerPassword> <inviteeEmail> <joinToken> <shots>
const { chromium } = require('playwright-core');
const path = require('node:path');

async function signIn(page, base, email, password) {
  await page.waitForSelector('vaadin-login-form input[name=username]', { timeout: 30000 });
  await page.locator('vaadin-login-form input[name=username]').fill(email);
  await page.locator('vaadin-login-form input[name=password]').fill(password);
  await page.locator('vaadin-login-form vaadin-button').first().click();
}

(async () => {
  const [base, ownerEmail, ownerPassword, invitee, joinToken, shots] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const report = { errors: [] };
  const watch = (page) => {
    page.on('pageerror', (e) => report.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') report.errors.push(m.text()); });
  };
  try {
    const owner = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watch(owner);
    await owner.goto(base + '/login');
    await signIn(owner, base, ownerEmail, ownerPassword);
    await owner.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    await owner.goto(base + '/settings/team');
    await owner.getByRole('button', { name: 'Invite member' }).click();
    await owner.getByLabel('E-mail address').fill(invitee);
    await owner.getByRole('button', { name: 'Create invitation' }).click();
    const linkField = owner.getByLabel('Invitation link');
    await linkField.waitFor({ timeout: 15000 });
    const link = await linkField.inputValue();
    await owner.screenshot({ path: path.join(shots, 'invite-dialog.png') });
    report.link = link;

    const guest = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watch(guest);
    await guest.goto(link);
    await guest.waitForSelector('text=You are invited to', { timeout: 30000 });
    await guest.screenshot({ path: path.join(shots, 'invitation-accept.png') });
    await guest.getByLabel('Your name').fill('Ivy Invitee');
    await guest.getByLabel('Password', { exact: true }).fill('a proper long password');
    await guest.getByLabel('Confirm password').fill('a proper long password');
    await guest.getByRole('button', { name: 'Create account and join' }).click();
    await signIn(guest, base, invitee, 'a proper long password');
    await guest.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    report.inviteeReachedDashboard = true;
    await guest.screenshot({ path: path.join(shots, 'invitee-dashboard.png') });

    const returning = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watch(returning);
    await returning.goto(`${base}/invitation/${joinToken}`);
    await returning.getByRole('button', { name: 'Sign in to accept' }).click();
    await signIn(returning, base, ownerEmail, ownerPassword);
    await returning.waitForSelector('text=Join Partner Studio as Admin?', { timeout: 30000 });
    report.cameBackAfterSignIn = returning.url();
    await returning.screenshot({ path: path.join(shots, 'invitation-join.png') });
    await returning.getByRole('button', { name: 'Join' }).click();
    await returning.waitForSelector('vaadin-side-nav', { timeout: 30000 });
    report.joinedDashboard = returning.url();
    await returning.screenshot({ path: path.join(shots, 'joined-dashboard.png') });
    console.log(JSON.stringify(report));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
