import { describe, expect, it } from 'vitest';
import { suggestChain } from './chain.ts';

const roles = { intake: 'intake', owner: 'owner', manager: 'manager' };
const care = {
  departmentId: 'd-care',
  departmentName: 'CSKH',
  head: { userId: 'u-lead', name: 'Lan' },
};
const owner = { userId: 'u-q', name: 'Quang', departmentId: 'd-q', departmentName: 'Quality' };
const boss = { userId: 'u-boss', name: 'Bình', departmentId: 'd-q', departmentName: 'Quality' };

describe('suggestChain', () => {
  it('goes intake → owner → managers', () => {
    expect(
      suggestChain({ intakeDepartments: [care, care], owner, managers: [boss], roles }).map((l) => [
        l.basis,
        l.departmentId,
        l.userId,
      ]),
    ).toEqual([
      ['intake', 'd-care', 'u-lead'],
      ['owner', 'd-q', 'u-q'],
      ['manager', 'd-q', 'u-boss'],
    ]);
  });

  it('names each person once (the intake head who is also the manager above)', () => {
    const links = suggestChain({
      intakeDepartments: [{ ...care, head: { userId: 'u-boss', name: 'Bình' } }],
      owner,
      managers: [boss],
      roles,
    });
    expect(links.map((l) => l.userId)).toEqual(['u-boss', 'u-q']);
  });

  it('keeps a department without a head, without a person', () => {
    const links = suggestChain({
      intakeDepartments: [{ ...care, head: null }],
      owner,
      managers: [],
      roles,
    });
    expect(links[0]).toMatchObject({ userId: null, personName: null, departmentName: 'CSKH' });
  });
});
