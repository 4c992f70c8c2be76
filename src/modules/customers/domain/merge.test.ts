import { describe, expect, it } from 'vitest';
import { chooseMatch, mergeCustomer, type KnownCustomer } from './merge.ts';

const lan: KnownCustomer = {
  id: 'lan',
  name: 'Nguyễn Thị Lan',
  phone: '+84912345678',
  email: null,
  externalId: null,
  tier: null,
  customerSince: null,
  preferredLanguage: 'vi',
};
const minh: KnownCustomer = {
  ...lan,
  id: 'minh',
  name: 'Trần Văn Minh',
  phone: null,
  email: 'minh@example.vn',
  externalId: 'CRM-7',
};

describe('chooseMatch', () => {
  it.each([
    [
      'external id beats phone',
      { phone: '+84912345678', email: null, externalId: 'CRM-7' },
      'minh',
    ],
    [
      'phone beats e-mail',
      { phone: '+84912345678', email: 'minh@example.vn', externalId: null },
      'lan',
    ],
    ['e-mail alone', { phone: null, email: 'minh@example.vn', externalId: null }, 'minh'],
    ['nobody', { phone: '+84900000000', email: null, externalId: null }, undefined],
  ])('%s', (_, ids, expected) => {
    expect(chooseMatch([lan, minh], ids)?.id).toBe(expected);
  });
});

describe('mergeCustomer', () => {
  it('creates when nobody matches', () => {
    expect(
      mergeCustomer([], { phone: '+84900000000', email: null, externalId: null }, { name: 'A' }),
    ).toEqual({ kind: 'create' });
  });

  it('leaves a customer alone when nothing new is known', () => {
    const decision = mergeCustomer(
      [lan],
      { phone: '+84912345678', email: null, externalId: null },
      { name: lan.name },
    );
    expect(decision).toEqual({ kind: 'unchanged', customer: lan });
  });

  it('fills in a missing e-mail', () => {
    const decision = mergeCustomer(
      [lan],
      { phone: '+84912345678', email: 'lan@example.vn', externalId: null },
      { name: lan.name },
    );
    expect(decision).toEqual({ kind: 'update', customer: lan, patch: { email: 'lan@example.vn' } });
  });

  it('never takes a contact point that another customer holds', () => {
    const decision = mergeCustomer(
      [lan, minh],
      { phone: '+84912345678', email: 'minh@example.vn', externalId: null },
      { name: lan.name },
    );
    expect(decision).toEqual({ kind: 'unchanged', customer: lan });
  });

  it('takes the tier, tenure and language given', () => {
    const decision = mergeCustomer(
      [lan],
      { phone: '+84912345678', email: null, externalId: null },
      { name: lan.name, tier: 'gold', customerSince: '2020-01-01', preferredLanguage: 'en' },
    );
    expect(decision).toMatchObject({
      kind: 'update',
      patch: { tier: 'gold', customerSince: '2020-01-01', preferredLanguage: 'en' },
    });
  });
});
