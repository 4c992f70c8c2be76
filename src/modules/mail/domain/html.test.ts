import { describe, expect, it } from 'vitest';
import { formattedToText } from '../formatting.contract.ts';
import { formattedToHtml, textToHtml } from './html.ts';

describe('textToHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b "c" \'d\'', 'a &amp; b &quot;c&quot; &#39;d&#39;'],
    ['dòng 1\ndòng 2', 'dòng 1<br>dòng 2'],
    [
      'xem https://ombud.vn/track/abc nhé',
      'xem <a href="https://ombud.vn/track/abc">https://ombud.vn/track/abc</a> nhé',
    ],
  ])('renders %j safely', (input, inner) => {
    expect(textToHtml(input)).toBe(
      `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">${inner}</div>`,
    );
  });

  it('never lets a link break out of its attribute', () => {
    expect(textToHtml('https://x.vn/"onmouseover="alert(1)')).not.toContain('"onmouseover');
  });
});

const wrap = (inner: string) =>
  `<div style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5">${inner}</div>`;
const p = (inner: string) => `<p style="margin:0 0 12px">${inner}</p>`;

describe('formatted messages', () => {
  it.each([
    ['Chào **chị Lan**,', p('Chào <strong>chị Lan</strong>,'), 'Chào chị Lan,'],
    [
      'Các bước:\n- tháo lọc\n- rửa sạch\n\nXong.',
      `${p('Các bước:')}<ul style="margin:0 0 12px;padding-left:24px"><li>tháo lọc</li><li>rửa sạch</li></ul>${p('Xong.')}`,
      'Các bước:\n\n• tháo lọc\n• rửa sạch\n\nXong.',
    ],
    [
      '1. 第一步\n2. 第二步',
      '<ol style="margin:0 0 12px;padding-left:24px"><li>第一步</li><li>第二步</li></ol>',
      '1. 第一步\n2. 第二步',
    ],
    [
      'Xem [hướng dẫn](https://ombud.vn/hd?a=1&b=2).',
      p('Xem <a href="https://ombud.vn/hd?a=1&amp;b=2">hướng dẫn</a>.'),
      'Xem hướng dẫn (https://ombud.vn/hd?a=1&b=2).',
    ],
    [
      'Link: https://ombud.vn/x, thanks',
      p('Link: <a href="https://ombud.vn/x">https://ombud.vn/x</a>, thanks'),
      'Link: https://ombud.vn/x, thanks',
    ],
    ['2 * 3 ** 4', p('2 * 3 ** 4'), '2 * 3 ** 4'],
    ['dòng 1\ndòng 2', p('dòng 1<br>dòng 2'), 'dòng 1\ndòng 2'],
  ])('renders %j as HTML and as text', (input, html, text) => {
    expect(formattedToHtml(input)).toBe(wrap(html));
    expect(formattedToText(input)).toBe(text);
  });

  it('refuses unsafe links and escapes everything else', () => {
    const html = formattedToHtml('[click](javascript:alert(1)) **<img src=x onerror=alert(1)>**');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<img');
    expect(html).toContain('[click](javascript:alert(1))');
    expect(formattedToHtml('[x](https://a.vn/"onmouseover="alert(1))')).not.toContain(
      '"onmouseover',
    );
  });

  it('keeps every character of hostile input in the text part', () => {
    for (const input of ['', '**', '- ', '[](', '\u202e**x**', 'a\r\nb', '1.  ', '*'.repeat(50)]) {
      expect(() => formattedToHtml(input)).not.toThrow();
      expect(typeof formattedToText(input)).toBe('string');
    }
  });
});
