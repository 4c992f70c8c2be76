import { describe, expect, it } from 'vitest';
import {
  classifyInbound,
  decideThread,
  detectLanguage,
  messageIdsIn,
  subjectReference,
} from './inbound-rules.ts';

describe('subjectReference', () => {
  it.each([
    ['Re: Đơn hàng [KN-2026-000123]', 'KN-2026-000123'],
    ['回复：[ACME-2026-001234] 订单', 'ACME-2026-001234'],
    ['KN-2026-000123 without brackets', undefined],
    ['[kn-2026-000123] lower case is not ours', undefined],
  ])('%s', (subject, reference) => expect(subjectReference(subject)).toBe(reference));
});

describe('messageIdsIn', () => {
  it('reads every id once, whitespace or not', () => {
    expect(messageIdsIn('<a@x> <b@y>\r\n <a@x>')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIdsIn(['<a@x>', '<c@z>'])).toEqual(['<a@x>', '<c@z>']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Máy lọc nước giao đến bị nứt vỏ, tôi muốn đổi máy mới.', 'vi'],
    ['快递三天了还没到，请尽快处理。', 'zh'],
    ['The delivery is three days late and nobody answers the phone.', 'en'],
    ['ok', undefined],
    ['Đơn 快递 mixed but mostly Chinese 还没有到达请处理', 'zh'],
  ])('%s', (text, language) => expect(detectLanguage(text)).toBe(language));

  it('reads decomposed Vietnamese (as Windows-1258 decodes it) as Vietnamese', () => {
    expect(detectLanguage('Máy lọc nước bị hỏng'.normalize('NFD'))).toBe('vi');
  });
});

describe('classifyInbound', () => {
  const from = 'an@example.vn';
  it.each([
    [{ fromAddress: from }, 'customer'],
    [{ fromAddress: from, autoSubmitted: 'auto-replied' }, 'auto_reply'],
    [{ fromAddress: from, autoSubmitted: 'no' }, 'customer'],
    [{ fromAddress: from, xAutoreply: 'yes' }, 'auto_reply'],
    [{ fromAddress: from, precedence: 'bulk' }, 'auto_reply'],
    [{ fromAddress: from, precedence: 'list' }, 'auto_reply'],
    [{ fromAddress: 'CS@Ombud.vn' }, 'own_address'],
    [{ fromAddress: undefined }, 'no_sender'],
    [{ fromAddress: 'MAILER-DAEMON@example.com' }, 'bounce'],
    [
      { fromAddress: from, contentType: 'multipart/report', reportType: 'delivery-status' },
      'bounce',
    ],
    [
      { fromAddress: from, contentType: 'multipart/report', reportType: 'feedback-report' },
      'customer',
    ],
  ] as const)('%j → %s', (headers, kind) =>
    expect(classifyInbound(headers, ['cs@ombud.vn'])).toBe(kind),
  );
});

describe('decideThread', () => {
  const own = { complaintId: 'c1', customerEmail: 'an@example.vn' };
  it('joins by a Message-ID of ours, whoever replies', () => {
    expect(
      decideThread({ byMessageId: own, byReference: undefined, fromAddress: 'wife@example.vn' }),
    ).toEqual({ kind: 'join', complaintId: 'c1', by: 'message_id' });
  });
  it('joins by reference only from the case’s own customer (any case of letters)', () => {
    expect(
      decideThread({ byMessageId: undefined, byReference: own, fromAddress: 'An@Example.vn' }),
    ).toEqual({ kind: 'join', complaintId: 'c1', by: 'reference' });
  });
  it('a guessed reference from someone else makes a new, possibly related complaint', () => {
    expect(
      decideThread({
        byMessageId: undefined,
        byReference: own,
        fromAddress: 'mallory@example.com',
      }),
    ).toEqual({ kind: 'new_related', relatedComplaintId: 'c1' });
    expect(
      decideThread({
        byMessageId: undefined,
        byReference: { complaintId: 'c2', customerEmail: null },
        fromAddress: 'an@example.vn',
      }),
    ).toEqual({ kind: 'new_related', relatedComplaintId: 'c2' });
  });
  it('otherwise a new complaint', () => {
    expect(
      decideThread({
        byMessageId: undefined,
        byReference: undefined,
        fromAddress: 'an@example.vn',
      }),
    ).toEqual({ kind: 'new' });
  });
});
