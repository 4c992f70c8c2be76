import { describe, expect, it } from 'vitest';
import { textToHtml } from './html.ts';

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
