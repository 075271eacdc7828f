// The desk page in a real browser: Debian's headless Chromium, driven by playwright-core, against a
// running local API (scripts/desk-browser-test.sh starts one). A whole editor's day: sign in, create
// a draft, edit it, meet a second editor's change (412, side by side, overwrite), publish, find it in
// the public feed, unpublish, restore a revision, share a preview link, schedule, delete, sign out.
// Screenshots of the main screens go to SCREENSHOTS (docs/desk). Exits non-zero naming the failed step.
import { chromium } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
const SHOTS = process.env.SCREENSHOTS || 'docs/desk';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const STAMP = Date.now().toString(36);
const TITLE = 'Harbour ferry timetable ' + STAMP;

let current = 'start';
function step(name) {
  current = name;
  console.log('- ' + name);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const base64url = bytes => Buffer.from(bytes).toString('base64url');

/** A second editor signs in through the same /local-auth code + PKCE flow, without a browser. */
async function tokenFor(email) {
  const verifier = base64url(randomBytes(32));
  const redirectUri = BASE + '/desk/';
  const authorize = await fetch(BASE + '/local-auth/authorize', {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      response_type: 'code', client_id: 'newsapi-local', redirect_uri: redirectUri, state: 's',
      code_challenge: base64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
      email, name: email.split('@')[0],
    }),
  });
  check(authorize.status === 302, 'authorize answered ' + authorize.status);
  const code = new URL(authorize.headers.get('location')).searchParams.get('code');
  const token = await fetch(BASE + '/local-auth/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'newsapi-local', code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  check(token.status === 200, 'token answered ' + token.status);
  return (await token.json()).id_token;
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage: true });
}

async function statusSays(page, text) {
  await page.locator('#status').filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

async function run(context) {
  const page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(error.message));
  page.on('console', message => { if (message.type() === 'error') console.log('  browser console: ' + message.text()); });

  step('the desk asks an editor to sign in');
  await page.goto(BASE + '/desk');
  check(page.url() === BASE + '/desk/', 'GET /desk redirects to /desk/, got ' + page.url());
  await page.locator('#sign-in').waitFor();
  await shot(page, 'sign-in');

  step('sign in: code + PKCE through the local sign-in page');
  await page.click('#sign-in');
  await page.waitForURL(/\/local-auth\/authorize\?/);
  check(new URL(page.url()).searchParams.get('code_challenge_method') === 'S256', 'the page asks for S256');
  await page.fill('#email', 'ann@example.com');
  await page.fill('#name', 'Ann');
  await page.click('button[type=submit]');
  await page.waitForURL(BASE + '/desk/');
  await page.locator('#who').filter({ hasText: 'Signed in as ann@example.com' }).waitFor();
  check(!page.url().includes('code='), 'the code is taken out of the address bar');
  check(await page.evaluate(() => localStorage.length) === 0, 'nothing is kept in localStorage');

  step('every form control has a label');
  const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(control => control.type !== 'hidden' && control.labels.length === 0 && !control.getAttribute('aria-label'))
    .map(control => control.id || control.outerHTML));
  check(unlabelled.length === 0, 'unlabelled controls: ' + unlabelled.join(', '));

  step('create a draft with paragraphs and a heading, reordered');
  await page.click('#new-article');
  await page.fill('#title', TITLE);
  await page.fill('#summary', 'Winter sailings change on Monday.');
  await page.fill('#author', 'Ann Editor');
  await page.fill('#tags', 'transport, harbour');
  await page.locator('#blocks textarea').nth(0).fill('The harbour ferry runs every 40 minutes from Monday.');
  await page.click('#add-paragraph');
  await page.locator('#blocks textarea').nth(1).fill('Night sailings stop at 23:00.');
  await page.click('#add-heading');
  await page.locator('#blocks textarea').nth(2).fill('What changes');
  await page.click('#blocks li:nth-child(3) .move-up');
  await page.click('#blocks li:nth-child(2) .move-up');
  await page.click('#add-paragraph');
  await page.locator('#blocks textarea').nth(3).fill('A block to remove.');
  await page.click('#blocks li:nth-child(4) .remove');
  const order = await page.locator('#blocks textarea').evaluateAll(areas => areas.map(area => area.value));
  check(order.join('|') === 'What changes|The harbour ferry runs every 40 minutes from Monday.|Night sailings stop at 23:00.',
    'blocks reordered and removed: ' + order.join('|'));
  await page.click('#save');
  await statusSays(page, 'Draft created.');
  const id = await page.locator('#editor').getAttribute('data-article-id');
  check(/^[0-9a-f]{16}$/.test(id), 'the new article has an id: ' + id);
  const created = await (await api('GET', '/desk/articles/' + id, await tokenFor('ann@example.com'))).json();
  check(created.body[0].type === 'heading' && created.body.length === 3, 'saved body: ' + JSON.stringify(created.body));
  check(created.status === 'draft', 'a new article is a draft');

  step('edit it: save is a PATCH with If-Match');
  await page.fill('#title', TITLE + ' (winter)');
  await page.click('#save');
  await statusSays(page, 'Saved: version 2.');

  step('a second editor changes it meanwhile');
  const bob = await tokenFor('bob@example.com');
  const before = await api('GET', '/desk/articles/' + id, bob);
  const bobs = await api('PATCH', '/articles/' + id, bob, { summary: 'Bob rewrote the summary.' }, before.headers.get('etag'));
  check(bobs.status === 200, 'bob saves: ' + bobs.status);

  step('saving now shows "changed by someone else", both versions side by side');
  await page.fill('#summary', 'Ann\'s summary: winter sailings from Monday.');
  await page.click('#save');
  await page.locator('#conflict').waitFor();
  check(await page.locator('#theirs').textContent().then(text => text.includes('Bob rewrote the summary.')), 'their version shows Bob\'s summary');
  check(await page.locator('#mine').textContent().then(text => text.includes('Ann\'s summary')), 'my version shows mine');
  await shot(page, 'conflict');

  step('overwrite knowingly: re-sent with their ETag');
  await page.click('#overwrite');
  await page.locator('#conflict').waitFor({ state: 'hidden' });
  const afterOverwrite = await (await api('GET', '/desk/articles/' + id, bob)).json();
  check(afterOverwrite.summary.startsWith('Ann\'s summary') && afterOverwrite.version === 4, 'overwritten: ' + JSON.stringify(afterOverwrite));

  step('another change by the second editor: this time reload theirs');
  const again = await api('GET', '/desk/articles/' + id, bob);
  check((await api('PATCH', '/articles/' + id, bob, { tags: ['transport', 'ferries'] }, again.headers.get('etag'))).status === 200, 'bob saves tags');
  await page.fill('#author', 'Ann E.');
  await page.click('#save');
  await page.locator('#conflict').waitFor();
  await page.click('#reload-theirs');
  await page.locator('#conflict').waitFor({ state: 'hidden' });
  check(await page.inputValue('#tags') === 'transport, ferries' && await page.inputValue('#author') === 'Ann Editor',
    'their version is in the form, mine dropped');
  await statusSays(page, 'Their version loaded');

  step('publish, and find it in the public feed');
  await page.click('#publish');
  await statusSays(page, 'Publish done');
  const feed = await (await fetch(BASE + '/articles?limit=20')).json();
  check(feed.items.some(item => item.id === id), 'GET /articles lists the published article');
  await shot(page, 'editor');

  step('search the list for it');
  await page.fill('#filter-q', 'harbour');
  await page.selectOption('#filter-status', 'published');
  await page.click('#filters button[type=submit]');
  await page.locator('#articles button[data-id="' + id + '"]').waitFor();
  await shot(page, 'list');

  step('unpublish: readers no longer see it');
  await page.click('#unpublish');
  await statusSays(page, 'Unpublish done');
  check((await fetch(BASE + '/articles/' + id)).status === 404, 'GET /articles/{id} is 404 once unpublished');

  step('schedule it for tomorrow');
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await page.fill('#publish-at', local);
  await page.click('#schedule');
  await statusSays(page, 'Schedule done');
  check((await page.textContent('#meta')).includes('scheduled'), 'shown as scheduled');

  step('at tablet width the desk is one column');
  await page.setViewportSize({ width: 820, height: 1180 });
  const columns = await page.evaluate(() => getComputedStyle(document.querySelector('.desk')).gridTemplateColumns.split(' ').length);
  check(columns === 1, 'one column at 820 px, got ' + columns);
  await shot(page, 'tablet');
  await page.setViewportSize({ width: 1280, height: 900 });

  step('restore the first revision');
  await page.click('#load-revisions');
  await page.locator('#revisions li').first().waitFor();
  await shot(page, 'revisions');
  await page.click('#revisions button[aria-label="Restore version 1"]');
  await statusSays(page, 'Restore of version 1 done');
  check(await page.inputValue('#title') === TITLE, 'the title is version 1\'s again');

  step('create a preview link and open it');
  await page.click('#make-preview');
  await statusSays(page, 'Preview link created');
  const previewUrl = await page.inputValue('#preview-url');
  check(previewUrl.includes('/preview/'), 'a preview URL: ' + previewUrl);
  await page.click('#copy-preview');
  const preview = await context.newPage(); // a new tab: no sessionStorage, so no token
  await preview.setViewportSize({ width: 1024, height: 800 });
  const shown = await preview.goto(previewUrl);
  check(shown.status() === 200, 'the preview link answers ' + shown.status());
  check((await preview.textContent('body')).includes(TITLE), 'the preview shows the draft');
  await preview.screenshot({ path: path.join(SHOTS, 'preview.png'), fullPage: true });
  await preview.close();

  step('delete it, after confirming');
  page.once('dialog', dialog => dialog.accept());
  await page.click('#delete');
  await statusSays(page, 'Article deleted.');
  check((await api('GET', '/desk/articles/' + id, bob)).status === 404, 'gone from the desk');

  step('keyboard: Tab reaches the controls with a visible focus ring');
  await page.focus('#filter-q');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ id: document.activeElement.id, ring: getComputedStyle(document.activeElement).outlineStyle }));
  check(focused.id === 'filter-status' && focused.ring !== 'none', 'Tab moves to the status filter, ring visible: ' + JSON.stringify(focused));

  step('sign out');
  await page.click('#sign-out');
  await page.waitForURL(BASE + '/desk/');
  await page.locator('#sign-in').waitFor();
  check(pageErrors.length === 0, 'no script errors: ' + pageErrors.join('; '));
}

function api(method, pathAndQuery, token, body, etag) {
  const headers = { Authorization: 'Bearer ' + token };
  if (body) headers['Content-Type'] = 'application/merge-patch+json';
  if (etag) headers['If-Match'] = etag;
  return fetch(BASE + pathAndQuery, { method, headers, body: body ? JSON.stringify(body) : undefined });
}

const profile = mkdtempSync(path.join(tmpdir(), 'desk-chromium-'));
mkdirSync(SHOTS, { recursive: true });
// A fresh profile each run (Playwright passes it as --user-data-dir); headless: --headless.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 900 },
  // No sandbox: CI runs as root. The network flags keep Chromium off the (closed) internet.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  await run(context);
  console.log('desk browser test: passed');
} catch (error) {
  console.error('desk browser test FAILED at "' + current + '": ' + error.message);
  const page = context.pages()[0];
  if (page) {
    console.error('  the page says: ' + JSON.stringify({ status: await page.textContent('#status'), alert: await page.textContent('#alert') }));
    await page.screenshot({ path: path.join(tmpdir(), 'desk-test-failure.png'), fullPage: true });
    console.error('  screenshot: ' + path.join(tmpdir(), 'desk-test-failure.png'));
  }
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
