// The article form: fields to and from the API's article JSON, and the body's blocks (paragraphs
// and headings) with add, remove and reorder. Everything from the API goes in as text, never markup.

/** An element with attributes; string children become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

let blockCount = 0;

export class BlockList {
  constructor(list) {
    this.list = list;
  }

  set(blocks) {
    this.list.replaceChildren();
    for (const block of blocks) this.add(block.type, block.text, false);
  }

  get() {
    return Array.from(this.list.children).map(item => ({
      type: item.querySelector('select').value,
      text: item.querySelector('textarea').value,
    }));
  }

  add(type, text = '', focus = true) {
    const id = 'block-' + (++blockCount);
    const kind = el('select', { id: id + '-type', 'aria-label': 'Block type',
      onchange: () => { item.className = kind.value; this.renumber(); } },
      el('option', { value: 'paragraph' }, 'Paragraph'), el('option', { value: 'heading' }, 'Heading'));
    kind.value = type;
    const textarea = el('textarea', { id, rows: type === 'heading' ? 1 : 4 });
    textarea.value = text;
    const label = el('label', { for: id });
    const item = el('li', { class: type }, label, textarea,
      el('div', { class: 'row' }, kind,
        el('button', { type: 'button', class: 'move-up', onclick: () => this.move(item, -1) }, 'Move up'),
        el('button', { type: 'button', class: 'move-down', onclick: () => this.move(item, 1) }, 'Move down'),
        el('button', { type: 'button', class: 'remove danger', onclick: () => this.remove(item) }, 'Remove')));
    this.list.append(item);
    this.renumber();
    if (focus) textarea.focus();
  }

  move(item, step) {
    const sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (step < 0) sibling.before(item); else sibling.after(item);
    this.renumber();
    item.querySelector(step < 0 ? '.move-up' : '.move-down').focus();
  }

  remove(item) {
    const next = item.nextElementSibling || item.previousElementSibling;
    item.remove();
    this.renumber();
    (next ? next.querySelector('textarea') : document.getElementById('add-paragraph')).focus();
  }

  /** Labels say which block it is and of what kind, so a screen reader hears "Block 3, heading". */
  renumber() {
    Array.from(this.list.children).forEach((item, index, all) => {
      const kind = item.querySelector('select').value;
      item.querySelector('label').textContent = 'Block ' + (index + 1) + ', ' + kind;
      for (const button of item.querySelectorAll('button')) {
        const action = button.classList.contains('move-up') ? 'Move up' : button.classList.contains('move-down') ? 'Move down' : 'Remove';
        button.setAttribute('aria-label', action + ' block ' + (index + 1));
      }
      item.querySelector('.move-up').disabled = index === 0;
      item.querySelector('.move-down').disabled = index === all.length - 1;
    });
  }
}

/** The article as the form shows it, in the shape of a merge patch. */
export function readForm(form, blocks) {
  const tags = form.tags.value.split(',').map(tag => tag.trim()).filter(Boolean);
  const author = form.author.value.trim();
  return {
    title: form.title.value.trim(),
    summary: form.summary.value.trim() || null,
    author: author ? { name: author } : null,
    tags: tags.length ? tags : null,
    body: blocks.get().filter(block => block.text.trim()).map(block => ({ type: block.type, text: block.text.trim() })),
  };
}

export function fillForm(form, blocks, article) {
  form.title.value = article.title || '';
  form.summary.value = article.summary || '';
  form.author.value = article.author ? article.author.name : '';
  form.tags.value = (article.tags || []).join(', ');
  blocks.set(article.body && article.body.length ? article.body : [{ type: 'paragraph', text: '' }]);
}

const FIELDS = [
  ['Title', a => a.title || ''],
  ['Summary', a => a.summary || ''],
  ['Author', a => (a.author && a.author.name) || ''],
  ['Tags', a => (a.tags || []).join(', ')],
  ['Body', a => (a.body || []).map(b => (b.type === 'heading' ? '## ' : '') + b.text).join('\n\n')],
];

/** Both versions side by side, the fields that differ marked (and said, for screen readers). */
export function showConflict(mineList, theirsList, mine, theirs) {
  mineList.replaceChildren();
  theirsList.replaceChildren();
  for (const [name, value] of FIELDS) {
    const differs = value(mine) !== value(theirs);
    for (const [list, article] of [[mineList, mine], [theirsList, theirs]]) {
      list.append(el('dt', {}, name + (differs ? ' (differs)' : '')),
        el('dd', { class: differs ? 'differs' : null }, value(article) || '—'));
    }
  }
}
