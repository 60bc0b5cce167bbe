// The report view's review helpers. Keys come from the key legend the server renders
// ([data-testid=key-legend] [data-key]), so the legend a reviewer reads is the map this script follows.
(() => {
  'use strict';

  const reviewable = () => [...document.querySelectorAll('[data-testid=review]')].filter(r => r.querySelector('[data-testid=accept]'));
  const current = () => document.querySelector('[data-testid=review][data-kb-current]');

  function moveTo(item) {
    const old = current();
    if (old) old.removeAttribute('data-kb-current');
    if (!item) return;
    item.setAttribute('data-kb-current', 'true');
    item.setAttribute('tabindex', '-1');
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: 'nearest' });
  }

  function step(delta) {
    const items = reviewable();
    if (items.length === 0) return;
    const at = items.indexOf(current());
    const next = at < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + delta));
    moveTo(items[next]);
  }

  function focusSoon(find) {
    // The edit box is rendered by the server after the click: wait for it briefly.
    let tries = 0;
    const timer = setInterval(() => {
      const el = find();
      if (el || ++tries > 40) {
        clearInterval(timer);
        if (el) el.focus();
      }
    }, 50);
  }

  function press(testId, advance) {
    const item = current() ?? (step(1), current());
    const button = item?.querySelector(`[data-testid=${testId}]`);
    if (!button) return;
    button.click();
    if (testId === 'edit') focusSoon(() => item.querySelector('.edit-box input, .edit-box select'));
    if (advance) step(1);
  }

  const actions = {
    next: () => step(1),
    previous: () => step(-1),
    accept: () => press('accept', true),
    reject: () => press('reject', true),
    edit: () => press('edit', false),
    add: () => {
      document.querySelector('[data-testid=add-from-selection]')?.click();
      focusSoon(() => document.querySelector('[data-testid=add-form] select, [data-testid=add-form] input'));
    },
    'next-report': () => document.querySelector('[data-testid=next-report]')?.click(),
  };

  document.addEventListener('keydown', ev => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    if (ev.target instanceof Element && ev.target.closest('input, textarea, select, [contenteditable=true]')) return;
    const entry = document.querySelector(`[data-testid=key-legend] [data-key="${CSS.escape(ev.key)}"]`);
    const action = entry && actions[entry.dataset.action];
    if (!action) return;
    ev.preventDefault();
    action();
  });

  window.reportLensReview = {
    /** The selection inside the report text as UTF-16 offsets of the report (whitespace at its ends left out), or null. */
    selection() {
      const root = document.querySelector('[data-testid=report-text]');
      const selection = window.getSelection();
      if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
      const before = document.createRange();
      before.setStart(root, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const raw = range.toString();
      const text = raw.trim();
      if (text.length === 0) return null;
      const start = before.toString().length + (raw.length - raw.trimStart().length);
      return { start, end: start + text.length, text };
    },
  };
})();
