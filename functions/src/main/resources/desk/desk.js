// The editors' desk: sign-in, the article list, the editor, conflicts, revisions and preview links.
import { signIn, completeSignIn, currentSession, signOut } from './auth.js';
import { api, ApiError } from './api.js';
import { el, BlockList, readForm, fillForm, showConflict } from './editor.js';

const $ = id => document.getElementById(id);
const form = $('article-form');
const blocks = new BlockList($('blocks'));
const state = { config: null, client: null, filters: { status: '', q: '' }, cursor: null, article: null, etag: null, theirs: null };

function say(message) {
  $('alert').hidden = true;
  $('alert').textContent = '';
  $('status').textContent = message;
}

function fail(error) {
  const message = typeof error === 'string' ? error
    : error instanceof ApiError ? error.message : 'Something went wrong: ' + error.message;
  $('alert').textContent = message;
  $('alert').hidden = false;
}

/** Runs an action with its button disabled, reporting failures in the alert line. */
function action(button, work) {
  button.addEventListener('click', async event => {
    event.preventDefault();
    button.disabled = true;
    try { await work(); } catch (error) { fail(error); } finally { button.disabled = false; updateButtons(); }
  });
}

function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function statusOf(article) {
  return article.status || 'published';
}

// ---- the list ----

/** Lists a page of articles; {quiet} after a write, whose own message stays in the status line. */
async function loadList(more = false, quiet = false) {
  const page = await state.client.list({ ...state.filters, cursor: more ? state.cursor : null });
  if (!more) $('articles').replaceChildren();
  for (const item of page.body.items) {
    const current = state.article && state.article.id === item.id;
    $('articles').append(el('li', {},
      el('button', { type: 'button', 'data-id': item.id, 'aria-current': current ? 'true' : null, onclick: () => open(item.id) },
        el('strong', {}, item.title),
        el('span', { class: 'status-tag' }, statusOf(item)),
        el('span', {}, 'Changed ' + formatTime(item.updatedAt)))));
  }
  state.cursor = page.body.nextCursor;
  $('more').hidden = !state.cursor;
  if (!quiet) say(page.body.items.length || more ? 'Articles listed.' : 'No articles match.');
}

// ---- the editor ----

function show(article, etag) {
  state.article = article;
  state.etag = etag;
  $('editor').hidden = false;
  $('editor').dataset.articleId = article.id;
  $('conflict').hidden = true;
  $('editor-title').textContent = article.title;
  fillForm(form, blocks, article);
  const scheduled = statusOf(article) === 'scheduled';
  $('meta').replaceChildren(el('span', { class: 'status-tag' }, statusOf(article)),
    ' · version ' + article.version + ' · changed ' + formatTime(article.updatedAt)
      + (article.publishedAt ? (scheduled ? ' · goes live ' : ' · published ') + formatTime(article.publishedAt) : ''));
  $('preview-url').value = '';
  $('copy-preview').disabled = true;
  $('revisions').replaceChildren();
  for (const button of $('articles').querySelectorAll('button[data-id]')) {
    button.setAttribute('aria-current', button.dataset.id === article.id ? 'true' : 'false');
  }
  updateButtons();
}

function updateButtons() {
  const status = state.article ? statusOf(state.article) : null;
  $('publish').disabled = !state.article || status === 'published';
  $('unpublish').disabled = !state.article || status === 'draft';
}

async function open(id) {
  const answer = await state.client.get(id);
  show(answer.body, answer.etag);
  say('Opened “' + answer.body.title + '”.');
  $('title').focus();
}

function newArticle() {
  state.article = null;
  state.etag = null;
  $('editor').hidden = false;
  $('conflict').hidden = true;
  $('editor-title').textContent = 'New article';
  $('meta').textContent = 'Not saved yet: Save creates a draft.';
  fillForm(form, blocks, { body: [{ type: 'paragraph', text: '' }] });
  $('revisions').replaceChildren();
  updateButtons();
  $('title').focus();
}

async function save(etag = state.etag) {
  const input = readForm(form, blocks);
  if (!input.title || !input.body.length) {
    fail('An article needs a title and at least one block of text.');
    return;
  }
  if (!state.article) {
    const created = await state.client.create({ ...input, status: 'draft' });
    show(created.body, created.etag);
    say('Draft created.');
    await loadList(false, true);
    return;
  }
  const answer = await state.client.patch(state.article.id, etag, input);
  if (answer.status === 412) {
    await conflict(input);
    return;
  }
  show(answer.body, answer.etag);
  say('Saved: version ' + answer.body.version + '.');
  await loadList(false, true);
}

/** Someone saved in between: both versions side by side, theirs with the ETag an overwrite needs. */
async function conflict(mine) {
  const theirs = await state.client.get(state.article.id);
  state.theirs = theirs;
  showConflict($('mine'), $('theirs'), mine, theirs.body);
  $('theirs-title').textContent = 'Their version (version ' + theirs.body.version + ')';
  $('conflict').hidden = false;
  $('conflict').focus();
  $('status').textContent = '';
  fail('Not saved: this article was changed by someone else. Compare the two versions below.');
}

/** A state change (publish, unpublish, restore) that takes If-Match; a 412 reloads the article. */
async function change(label, call) {
  const answer = await call(state.etag);
  if (answer.status === 412) {
    await open(state.article.id);
    fail(label + ' not done: the article changed meanwhile and has been reloaded. Try again.');
    return;
  }
  show(answer.body, answer.etag);
  say(label + ' done: version ' + answer.body.version + ', ' + statusOf(answer.body) + '.');
  await loadList(false, true);
}

async function loadRevisions() {
  const answer = await state.client.revisions(state.article.id);
  $('revisions').replaceChildren();
  for (const revision of answer.body.items) {
    const who = revision.savedBy || 'unknown';
    const what = revision.changed && revision.changed.length ? 'changed ' + revision.changed.join(', ') : 'no field changed';
    const restore = el('button', { type: 'button', 'aria-label': 'Restore version ' + revision.version }, 'Restore');
    action(restore, () => change('Restore of version ' + revision.version,
      etag => state.client.restore(state.article.id, revision.version, etag)));
    $('revisions').append(el('li', { 'data-version': revision.version },
      el('strong', {}, 'Version ' + revision.version), ' · ' + formatTime(revision.savedAt) + ' · ' + who + ' · ' + what
        + (revision.restoredFrom ? ' · restored from version ' + revision.restoredFrom : ''),
      revision.version === state.article.version ? el('span', {}, ' (current)') : el('div', { class: 'row' }, restore)));
  }
  say(answer.body.items.length + ' revisions listed.');
}

// ---- wiring ----

function wire() {
  $('sign-out').addEventListener('click', () => signOut(state.config));
  $('filters').addEventListener('submit', async event => {
    event.preventDefault();
    state.filters = { status: $('filter-status').value, q: $('filter-q').value.trim() };
    try { await loadList(); } catch (error) { fail(error); }
  });
  action($('more'), () => loadList(true));
  $('new-article').addEventListener('click', newArticle);
  $('add-paragraph').addEventListener('click', () => blocks.add('paragraph'));
  $('add-heading').addEventListener('click', () => blocks.add('heading'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    $('save').disabled = true;
    try { await save(); } catch (error) { fail(error); } finally { $('save').disabled = false; }
  });
  action($('publish'), () => change('Publish', etag => state.client.publish(state.article.id, etag)));
  action($('unpublish'), () => change('Unpublish', etag => state.client.unpublish(state.article.id, etag)));
  action($('schedule'), async () => {
    const when = $('publish-at').value;
    if (!when || new Date(when) <= new Date()) {
      fail('Choose a date and time in the future to schedule.');
      return;
    }
    await change('Schedule', etag => state.client.patch(state.article.id, etag,
      { status: 'scheduled', publishAt: new Date(when).toISOString() }));
  });
  action($('delete'), async () => {
    if (!confirm('Delete “' + state.article.title + '”? This cannot be undone.')) return;
    const answer = await state.client.remove(state.article.id, state.etag);
    if (answer.status === 412) {
      await open(state.article.id);
      fail('Not deleted: the article changed meanwhile and has been reloaded.');
      return;
    }
    state.article = null;
    $('editor').hidden = true;
    say('Article deleted.');
    await loadList(false, true);
    $('new-article').focus();
  });
  action($('reload-theirs'), async () => {
    show(state.theirs.body, state.theirs.etag);
    say('Their version loaded; your changes were dropped.');
    $('title').focus();
  });
  action($('overwrite'), async () => {
    await save(state.theirs.etag);
    if ($('conflict').hidden) say('Overwritten with your version: version ' + state.article.version + '.');
  });
  action($('load-revisions'), loadRevisions);
  action($('make-preview'), async () => {
    const answer = await state.client.preview(state.article.id);
    $('preview-url').value = answer.body.url;
    $('copy-preview').disabled = false;
    say('Preview link created; it works until ' + formatTime(answer.body.expiresAt) + '.');
  });
  $('copy-preview').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('preview-url').value);
      say('Preview link copied.');
    } catch {
      $('preview-url').select();
      say('Select-all done: press Ctrl+C (or Cmd+C) to copy the link.');
    }
  });
}

async function start() {
  state.config = await (await fetch('config.json', { cache: 'no-store' })).json();
  const problem = await completeSignIn(state.config);
  if (problem) fail(problem);
  const session = currentSession();
  if (!session) {
    $('signed-out').hidden = false;
    $('sign-in').addEventListener('click', () => signIn(state.config));
    return;
  }
  state.client = api(state.config.apiUrl, session.token, () => {
    fail('Your sign-in has expired: sign in again.');
    sessionStorage.clear();
    $('desk').hidden = true;
    $('signed-out').hidden = false;
  });
  $('sign-in').addEventListener('click', () => signIn(state.config));
  $('who').textContent = 'Signed in as ' + session.name;
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('desk').hidden = false;
  wire();
  await loadList();
}

start().catch(fail);
