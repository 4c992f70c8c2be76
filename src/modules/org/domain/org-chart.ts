/**
 * The org chart as plain data. Escalation walks it upward: a person's manager is the one named
 * on the person, or else the head of their department, or else the head of a parent department.
 */
export type ChartPerson = {
  id: string;
  managerId: string | null;
  departmentId: string | null;
  isActive: boolean;
};
export type ChartDepartment = { id: string; parentId: string | null; headUserId: string | null };

export function managerOf(
  personId: string,
  people: ReadonlyMap<string, ChartPerson>,
  departments: ReadonlyMap<string, ChartDepartment>,
): string | undefined {
  const person = people.get(personId);
  if (!person) return undefined;
  if (person.managerId && person.managerId !== personId) return person.managerId;
  const seen = new Set<string>();
  let departmentId = person.departmentId;
  while (departmentId && !seen.has(departmentId)) {
    seen.add(departmentId);
    const department = departments.get(departmentId);
    if (!department) return undefined;
    if (department.headUserId && department.headUserId !== personId) return department.headUserId;
    departmentId = department.parentId;
  }
  return undefined;
}

/** The managers above a person, nearest first, stopping at the top or at a cycle. */
export function managerChain(
  personId: string,
  people: ReadonlyMap<string, ChartPerson>,
  departments: ReadonlyMap<string, ChartDepartment>,
): string[] {
  const chain: string[] = [];
  const seen = new Set([personId]);
  let current = managerOf(personId, people, departments);
  while (current && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = managerOf(current, people, departments);
  }
  return chain;
}
