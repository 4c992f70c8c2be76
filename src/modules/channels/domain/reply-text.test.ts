import { describe, expect, it } from 'vitest';
import { replyText } from './reply-text.ts';

describe('replyText: what the customer wrote, without the thread', () => {
  it.each([
    [
      'Gmail, top-posted',
      'Vẫn chưa nhận được hàng.\n\nOn Tue, Apr 3, 2012 at 4:19 PM, Ombud <cs@ombud.vn> wrote:\n> Cảm ơn anh\n> đã liên hệ',
      'Vẫn chưa nhận được hàng.',
    ],
    [
      'a "wrote" line broken over two lines',
      'Still broken.\n\nOn Tue, Apr 3, 2012 at 4:19 PM, Công ty Điện máy Xanh <cs@example.vn>\nwrote:\n> Thank you',
      'Still broken.',
    ],
    [
      'Vietnamese Gmail',
      'Tôi vẫn chờ.\n\nVào 16:19, Th 3, 3 thg 4, 2012 Công ty <cs@example.vn> đã viết:\n> Cảm ơn',
      'Tôi vẫn chờ.',
    ],
    [
      'Chinese client',
      '还没有修好。\n\n在 2026年4月3日 16:19，客服 <cs@example.cn> 写道：\n> 感谢您的来信',
      '还没有修好。',
    ],
    [
      'Chinese, "于 … 写道"',
      '快递一直没到\n\n客服 于 2026年4月3日周五 16:19 写道：\n> 您好',
      '快递一直没到',
    ],
    [
      'bottom-posted (Thunderbird)',
      'On 04/02/2012 06:26 PM, Megan One wrote:\n> Hi\nHello',
      'Hello',
    ],
    [
      'interleaved answers keep both',
      '> Which order?\nĐơn DH-1001\n> When?\nHôm qua',
      'Đơn DH-1001\nHôm qua',
    ],
    [
      'Outlook header block',
      'Hello\n\nFrom: cs@example.vn [mailto:cs@example.vn]\nSent: March-09-12 4:22 PM\nTo: Dan\nSubject: Loop\n\nHi Dan,',
      'Hello',
    ],
    [
      'Vietnamese Outlook header block',
      'Xin hãy gọi lại.\n\nTừ: cs@example.vn\nĐã gửi: 09/03/2026 16:22\nĐến: An\nChủ đề: Đơn hàng',
      'Xin hãy gọi lại.',
    ],
    [
      'Chinese Outlook header block',
      '请尽快处理\n\n发件人: cs@example.cn\n发送时间: 2026年3月9日 16:22\n收件人: 王\n主题: 订单',
      '请尽快处理',
    ],
    ['Yahoo separator', 'Hello\n\n\n----- Original Message -----\nFrom: bob\nHi', 'Hello'],
    ['a signature', 'Máy vẫn kêu to.\n\n-- \nNguyễn Văn An\n0912 345 678', 'Máy vẫn kêu to.'],
    ['device lines in the three languages', 'Được rồi\n\nGửi từ iPhone của tôi', 'Được rồi'],
    ['发自我的iPhone', '好的\n\n发自我的iPhone', '好的'],
  ])('%s', (_name, text, shown) => {
    const result = replyText(text);
    expect(result.shown).toBe(shown);
    expect(result.isTrimmed).toBe(true);
  });

  it('leaves a message with no thread as it is', () => {
    const text = 'Máy lọc nước giao đến bị nứt vỏ.\n\nMong được đổi máy mới.';
    expect(replyText(text)).toEqual({ shown: text, isTrimmed: false });
  });

  it('never shows nothing: a message that is only a quote is shown whole', () => {
    const text = '> quoted only\n> still quoted';
    expect(replyText(text)).toEqual({ shown: text, isTrimmed: false });
  });

  it('keeps a forwarded message (a complaint forwarded to us is the complaint)', () => {
    const text =
      'Xem bên dưới.\n\n---------- Forwarded message ---------\nFrom: An\nNội dung khiếu nại';
    expect(replyText(text).shown).toBe(text);
  });

  it('keeps a line that merely mentions writing', () => {
    const text = 'On Monday the technician wrote down the wrong serial number.';
    expect(replyText(text).shown).toBe(text);
  });
});
