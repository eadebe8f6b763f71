// Context chips under a photo: POST /api/v1/context/classify with the photo, then one chip per environment and outfit
// label (top 2 of each), with the evidence as the chip's tooltip and in a list for screen readers and phones.
import { postForm } from './api.js';
import { problemText } from './status.js';

function chip(label, kind) {
  const item = document.createElement('li');
  item.className = 'badge rounded-pill text-bg-light border context-chip';
  item.dataset.kind = kind;
  item.dataset.label = label.label;
  item.title = label.evidence.join('; ');
  item.textContent = `${label.label} ${Math.round(label.confidence * 100)}%`;
  const evidence = document.createElement('span');
  evidence.className = 'visually-hidden';
  evidence.textContent = ` (${item.title})`;
  item.append(evidence);
  return item;
}

export async function showContextChips(host, file) {
  host.replaceChildren();
  host.hidden = true;
  const data = new FormData();
  data.append('image', file);
  const response = await postForm('/api/v1/context/classify', data);
  if (!response.ok) {
    host.textContent = `Context unavailable: ${await problemText(response)}`;
    host.hidden = false;
    return;
  }
  const context = await response.json();
  const list = document.createElement('ul');
  list.className = 'list-unstyled d-flex flex-wrap gap-1 mb-0';
  list.append(...context.environment.slice(0, 2).map((l) => chip(l, 'environment')));
  list.append(...context.outfit.slice(0, 2).map((l) => chip(l, 'outfit')));
  const caption = document.createElement('p');
  caption.className = 'small text-body-secondary mb-1';
  // The classifier says when no label is likely enough: its chips are then guesses, and the caption says so.
  const unsure = [
    context.environmentSure === false ? 'the place' : null,
    context.outfitSure === false && context.outfit.length > 0 ? 'the outfit' : null,
  ].filter(Boolean);
  caption.textContent = `Context from the photo · ${context.indoor ? 'indoors' : 'outdoors'} · ${context.lighting}`
    + (unsure.length > 0 ? ` · not sure of ${unsure.join(' or ')}` : '');
  host.append(caption, list);
  host.hidden = false;
}
