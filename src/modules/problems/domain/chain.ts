/**
 * The responsibility chain the org chart suggests (customer service → quality → production → a
 * named person): the departments that took in the linked complaints, then the owner's team,
 * then the managers above the owner. Each person or department appears once, first place wins.
 */
export type ChartPerson = {
  userId: string;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
};
export type ChartDepartment = {
  departmentId: string;
  departmentName: string;
  head: { userId: string; name: string } | null;
};
export type SuggestedLink = {
  departmentId: string | null;
  departmentName: string | null;
  userId: string | null;
  personName: string | null;
  role: string;
  basis: 'intake' | 'owner' | 'manager';
};

export function suggestChain(input: {
  intakeDepartments: readonly ChartDepartment[];
  owner: ChartPerson;
  managers: readonly ChartPerson[];
  roles: { intake: string; owner: string; manager: string };
}): SuggestedLink[] {
  const links: SuggestedLink[] = [];
  const people = new Set<string>();
  const departments = new Set<string>();
  for (const d of input.intakeDepartments) {
    if (departments.has(d.departmentId)) continue;
    departments.add(d.departmentId);
    if (d.head) people.add(d.head.userId);
    links.push({
      departmentId: d.departmentId,
      departmentName: d.departmentName,
      userId: d.head?.userId ?? null,
      personName: d.head?.name ?? null,
      role: input.roles.intake,
      basis: 'intake',
    });
  }
  const add = (p: ChartPerson, basis: 'owner' | 'manager', role: string) => {
    if (people.has(p.userId)) return;
    people.add(p.userId);
    links.push({
      departmentId: p.departmentId,
      departmentName: p.departmentName,
      userId: p.userId,
      personName: p.name,
      role,
      basis,
    });
  };
  add(input.owner, 'owner', input.roles.owner);
  for (const m of input.managers) add(m, 'manager', input.roles.manager);
  return links;
}
