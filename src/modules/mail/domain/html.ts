import { parseFormatted, type Inline } from '../formatting.contract.ts';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** Plain text → simple HTML: escaped, paragraphs kept, links clickable. */
export function textToHtml(text: string): string {
  const linked = escapeHtml(text).replace(
    /https?:\/\/[^\s<]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
  return `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">${linked.replace(/\n/g, '<br>')}</div>`;
}

const inlineHtml = (nodes: Inline[]): string =>
  nodes
    .map((n) => {
      if (n.kind === 'text') return escapeHtml(n.text);
      if (n.kind === 'break') return '<br>';
      if (n.kind === 'bold') return `<strong>${inlineHtml(n.children)}</strong>`;
      return `<a href="${escapeHtml(n.href)}">${inlineHtml(n.children)}</a>`;
    })
    .join('');

/** A formatted message (bold, lists, links: see formatting.contract.ts) → escaped HTML. */
export function formattedToHtml(text: string): string {
  const body = parseFormatted(text)
    .map((b) => {
      if (b.kind === 'paragraph') return `<p style="margin:0 0 12px">${inlineHtml(b.children)}</p>`;
      const tag = b.kind === 'bullets' ? 'ul' : 'ol';
      const items = b.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('');
      return `<${tag} style="margin:0 0 12px;padding-left:24px">${items}</${tag}>`;
    })
    .join('');
  return `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">${body}</div>`;
}
