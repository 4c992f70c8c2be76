import { describe, expect, it } from 'vitest';
import { foldName, matchKnown, mergeCustomer, type KnownCustomer, type Source } from './merge.ts';

const lan: KnownCustomer = {
  id: 'lan',
  name: 'Nguyễn Thị Lan',
  phone: '+84912345678',
  email: 'lan@example.vn',
  externalId: null,
  tier: null,
  customerSince: null,
  possibleDuplicateOf: null,
};
const minh: KnownCustomer = {
  id: 'minh',
  name: 'Trần Văn Minh',
  phone: null,
  email: 'minh@example.vn',
  externalId: 'CRM-7',
  tier: 'gold',
  customerSince: '2019-05-01',
  possibleDuplicateOf: null,
};
const copyOfLan: KnownCustomer = {
  ...lan,
  id: 'copy',
  name: 'Kẻ Giả Mạo',
  email: 'attacker@example.com',
  possibleDuplicateOf: 'lan',
};

const ids = (p: Partial<{ phone: string; email: string; externalId: string }>) => ({
  phone: p.phone ?? null,
  email: p.email ?? null,
  externalId: p.externalId ?? null,
});

describe('foldName', () => {
  it.each([
    ['Nguyễn Thị Lan', 'nguyen thi lan'],
    ['  NGUYỄN   thị  LAN ', 'nguyen thi lan'],
    ['Đỗ Đức Đạt', 'do duc dat'],
    ['王小明', '王小明'],
  ])('%j → %j', (name, folded) => expect(foldName(name)).toBe(folded));
});

describe('mergeCustomer', () => {
  const untrusted: Source[] = ['public', 'portal', 'inbound'];

  it.each(untrusted)(
    '%s: the attack of issue 7 makes a record of its own, never touches hers',
    (source) => {
      const decision = mergeCustomer(
        [lan],
        ids({ phone: '+84912345678', email: 'attacker@example.com' }),
        { name: 'Kẻ Giả Mạo' },
        source,
      );
      expect(decision).toEqual({ kind: 'create', possibleDuplicateOf: 'lan' });
    },
  );

  it.each([
    ['the same phone, another name', ids({ phone: '+84912345678' }), 'Lê Văn Tèo', 'lan'],
    [
      'the same name and phone, another e-mail',
      ids({ phone: '+84912345678', email: 'new@x.vn' }),
      'Nguyễn Thị Lan',
      'lan',
    ],
    [
      'the same e-mail, another phone',
      ids({ phone: '+84900000000', email: 'lan@example.vn' }),
      'Nguyễn Thị Lan',
      'lan',
    ],
    [
      'her phone and his e-mail',
      ids({ phone: '+84912345678', email: 'minh@example.vn' }),
      'Nguyễn Thị Lan',
      'lan',
    ],
  ])('conflict: %s → a possible duplicate', (_, given, name, of) => {
    expect(mergeCustomer([lan, minh], given, { name }, 'public')).toEqual({
      kind: 'create',
      possibleDuplicateOf: of,
    });
  });

  it.each(['public', 'staff', 'api'] as const)('%s: agreeing input reuses the record', (source) => {
    expect(
      mergeCustomer([lan], ids({ phone: '+84912345678' }), { name: 'nguyen thi  lan' }, source),
    ).toEqual({ kind: 'use', customer: lan, patch: {} });
  });

  it('adds a contact point the record lacks, only if no other customer holds it', () => {
    const noEmail = { ...lan, email: null };
    expect(
      mergeCustomer(
        [noEmail],
        ids({ phone: '+84912345678', email: 'lan2@x.vn' }),
        { name: lan.name },
        'public',
      ),
    ).toEqual({ kind: 'use', customer: noEmail, patch: { email: 'lan2@x.vn' } });
    expect(
      mergeCustomer(
        [noEmail, minh],
        ids({ phone: '+84912345678', email: 'minh@example.vn' }),
        { name: lan.name },
        'public',
      ),
    ).toEqual({ kind: 'use', customer: noEmail, patch: {} });
  });

  it('lets only trusted sources fill in tier and tenure, and never replaces them', () => {
    const details = { name: lan.name, tier: 'silver', customerSince: '2021-01-01' };
    const given = ids({ phone: '+84912345678' });
    expect(mergeCustomer([lan], given, details, 'public')).toMatchObject({ patch: {} });
    expect(mergeCustomer([lan], given, details, 'staff')).toMatchObject({
      patch: { tier: 'silver', customerSince: '2021-01-01' },
    });
    expect(
      mergeCustomer(
        [minh],
        ids({ email: 'minh@example.vn' }),
        { ...details, name: minh.name },
        'api',
      ),
    ).toMatchObject({ kind: 'use', patch: {} });
  });

  it('takes an integration’s external id as the customer, whatever the name typed', () => {
    expect(mergeCustomer([minh], ids({ externalId: 'CRM-7' }), { name: 'Minh T.' }, 'api')).toEqual(
      {
        kind: 'use',
        customer: minh,
        patch: {},
      },
    );
    // From the public form the same id proves nothing.
    expect(
      mergeCustomer([minh], ids({ externalId: 'CRM-7' }), { name: 'Minh T.' }, 'public'),
    ).toEqual({
      kind: 'create',
      possibleDuplicateOf: 'minh',
    });
  });

  it('gives a repeat of the same conflicting input its earlier record back', () => {
    const decision = mergeCustomer(
      [lan, copyOfLan],
      ids({ phone: '+84912345678', email: 'attacker@example.com' }),
      { name: 'Kẻ Giả Mạo' },
      'public',
    );
    expect(decision).toEqual({ kind: 'use', customer: copyOfLan, patch: {} });
  });

  it('points a new possible duplicate at the primary record, not at another duplicate', () => {
    expect(
      mergeCustomer(
        [copyOfLan],
        ids({ email: 'attacker@example.com' }),
        { name: 'Someone Else' },
        'public',
      ),
    ).toEqual({ kind: 'create', possibleDuplicateOf: 'lan' });
  });

  it('creates a plain record when nobody shares a contact point', () => {
    expect(mergeCustomer([], ids({ phone: '+84900000001' }), { name: 'A' }, 'public')).toEqual({
      kind: 'create',
      possibleDuplicateOf: null,
    });
  });
});

describe('matchKnown: a row that names no person (an imported order with a phone only)', () => {
  const none = { phone: null, email: null, externalId: null };
  it.each([
    ['the phone of a primary record', { ...none, phone: lan.phone }, 'lan'],
    [
      'an external id, whatever else differs',
      { ...none, externalId: 'CRM-7', phone: '+84900000000' },
      'minh',
    ],
    ['the e-mail of a record', { ...none, email: 'minh@example.vn' }, 'minh'],
    [
      'a phone with an e-mail that differs from the record’s',
      { ...none, phone: lan.phone, email: 'x@example.vn' },
      undefined,
    ],
    ['a phone nobody has', { ...none, phone: '+84900000000' }, undefined],
  ])('finds the customer by %s', (_what, ids, expected) => {
    expect(matchKnown([copyOfLan, lan, minh], ids)?.id).toBe(expected);
  });
  it('never answers with a possible duplicate', () => {
    expect(matchKnown([copyOfLan], { ...none, phone: lan.phone })).toBeUndefined();
  });
});
