import { describe, expect, it } from 'vitest';
import { managerChain, managerOf, type ChartDepartment, type ChartPerson } from './org-chart.ts';

const person = (
  id: string,
  managerId: string | null,
  departmentId: string | null,
): [string, ChartPerson] => [id, { id, managerId, departmentId, isActive: true }];
const department = (
  id: string,
  parentId: string | null,
  headUserId: string | null,
): [string, ChartDepartment] => [id, { id, parentId, headUserId }];

describe('org chart', () => {
  const people = new Map([
    person('agent', null, 'cs-team'),
    person('lead', null, 'cs'),
    person('director', null, 'company'),
    person('ceo', null, null),
    person('named', 'ceo', 'cs-team'),
  ]);
  const departments = new Map([
    department('company', null, 'ceo'),
    department('cs', 'company', 'director'),
    department('cs-team', 'cs', 'lead'),
  ]);

  it.each([
    ['agent', 'lead'],
    ['lead', 'director'],
    ['director', 'ceo'],
    ['ceo', undefined],
    ['named', 'ceo'],
    ['nobody', undefined],
  ])('managerOf(%s) is %s', (id, expected) => {
    expect(managerOf(id, people, departments)).toBe(expected);
  });

  it('walks the chain upward, nearest first', () => {
    expect(managerChain('agent', people, departments)).toEqual(['lead', 'director', 'ceo']);
  });

  it('stops at a cycle instead of looping', () => {
    const loop = new Map([person('a', 'b', null), person('b', 'a', null)]);
    expect(managerChain('a', loop, new Map())).toEqual(['b']);
  });
});
