/**
 * The simple formatting of an agent's message (the body of `POST /api/complaints/:id/messages`
 * with `format: 'formatted'`): bold, lists and links, written as plain text so the text part of
 * the mail reads well too. The mail's HTML and the console's timeline draw the same parse.
 *
 * - `**bold**`
 * - lines that start with `- ` or `* ` make a bulleted list; `1. ` a numbered one
 * - `[label](https://…)` and bare `https://…` are links; only http, https and mailto
 * - a blank line starts a paragraph; a single newline breaks the line
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  { kind: 'paragraph'; children: Inline[] } | { kind: 'bullets' | 'numbers'; items: Inline[][] };

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBER = /^\s*\d{1,3}[.)]\s+(.*)$/;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
// A link with a label, a bare address, or bold; the first that starts earliest wins.
const TOKEN =
  /\[([^\]\n]{1,500})\]\(([^)\s]{1,2000})\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])|\*\*(?=\S)([^*\n]{1,2000}?)(?<=\S)\*\*/g;

function inline(text: string, allowBold = true): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [whole, label, href, bare, bold] = match;
    const start = match.index;
    if (bold !== undefined && !allowBold) continue;
    if (label !== undefined && href !== undefined && !SAFE_HREF.test(href)) continue;
    if (start > at) out.push({ kind: 'text', text: text.slice(at, start) });
    if (label !== undefined && href !== undefined)
      out.push({ kind: 'link', href, children: inline(label, allowBold) });
    else if (bare !== undefined)
      out.push({ kind: 'link', href: bare, children: [{ kind: 'text', text: bare }] });
    else if (bold !== undefined) out.push({ kind: 'bold', children: inline(bold, false) });
    at = start + whole.length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

function lines(text: string): Inline[] {
  return text
    .split('\n')
    .flatMap((line, i) => [...(i > 0 ? [{ kind: 'break' } as const] : []), ...inline(line)]);
}

/** Parses a formatted message into blocks. Total: every input parses; nothing is dropped. */
export function parseFormatted(text: string): Block[] {
  const blocks: Block[] = [];
  const paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', children: lines(paragraph.join('\n')) });
    paragraph.length = 0;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const number = bullet ? null : NUMBER.exec(line);
    const item = bullet?.[1] ?? number?.[1];
    if (item !== undefined) {
      flush();
      const kind = bullet ? 'bullets' : 'numbers';
      const last = blocks.at(-1);
      if (last && last.kind === kind) last.items.push(inline(item));
      else blocks.push({ kind, items: [inline(item)] });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

const plainInline = (nodes: Inline[]): string =>
  nodes
    .map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'break') return '\n';
      if (n.kind === 'bold') return plainInline(n.children);
      const label = plainInline(n.children);
      const href = n.href.replace(/^mailto:/i, '');
      return label === n.href || label === href ? n.href : `${label} (${href})`;
    })
    .join('');

/** The text part of the mail: the same words, marks removed, links spelled out. */
export function formattedToText(text: string): string {
  return parseFormatted(text)
    .map((b) =>
      b.kind === 'paragraph'
        ? plainInline(b.children)
        : b.items
            .map((item, i) => `${b.kind === 'bullets' ? '•' : `${i + 1}.`} ${plainInline(item)}`)
            .join('\n'),
    )
    .join('\n\n');
}
