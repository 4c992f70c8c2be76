/**
 * How intake finds the customer a complaint is about, and what it may learn about them. Pure:
 * the service loads the candidates (every record sharing a contact point with the input) and
 * saves the decision.
 *
 * The rule, because anyone can type anyone's phone number into a public form:
 * - input never replaces what is known: no name, e-mail, phone or language is overwritten;
 * - a record is reused only when the input agrees with it: the same name (ignoring case,
 *   spacing and diacritics) and no contact point that differs from one it holds;
 * - input that agrees may add contact points the record lacks, unless another customer holds
 *   them; trusted sources (staff, an integration's API key) may also fill in tier and tenure;
 * - input that conflicts makes a new record, marked as a possible duplicate of the match, for an
 *   agent to compare and merge.
 */

export type Source = 'public' | 'portal' | 'inbound' | 'staff' | 'api' | 'import';

/** Sources that an org's own people or systems speak for (an import is a file of the org's). */
export const trustedSources: readonly Source[] = ['staff', 'api', 'import'];

export type ContactPoints = {
  phone: string | null;
  email: string | null;
  externalId: string | null;
};

export type KnownCustomer = ContactPoints & {
  id: string;
  name: string;
  tier: string | null;
  customerSince: string | null;
  possibleDuplicateOf: string | null;
};

export type CustomerDetails = {
  name: string;
  tier?: string | null | undefined;
  customerSince?: string | null | undefined;
};

export type CustomerPatch = Partial<ContactPoints & { tier: string; customerSince: string }>;

export type MergeDecision =
  | { kind: 'use'; customer: KnownCustomer; patch: CustomerPatch }
  | { kind: 'create'; possibleDuplicateOf: string | null };

/** Names match when they differ only in case, spacing and Vietnamese diacritics (đ is d). */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const points = ['externalId', 'phone', 'email'] as const;

/** How strongly a record is tied to the input: 3 by external id, 2 by phone, 1 by e-mail. */
function linkStrength(c: ContactPoints, ids: ContactPoints): number {
  if (ids.externalId !== null && c.externalId === ids.externalId) return 3;
  if (ids.phone !== null && c.phone === ids.phone) return 2;
  if (ids.email !== null && c.email === ids.email) return 1;
  return 0;
}

const conflicts = (c: ContactPoints, ids: ContactPoints): boolean =>
  points.some((p) => ids[p] !== null && c[p] !== null && c[p] !== ids[p]);

const byStrength = (ids: ContactPoints) => (a: KnownCustomer, b: KnownCustomer) =>
  // Primary records before possible duplicates, then the stronger tie.
  Number(a.possibleDuplicateOf !== null) - Number(b.possibleDuplicateOf !== null) ||
  linkStrength(b, ids) - linkStrength(a, ids);

export function mergeCustomer(
  candidates: readonly KnownCustomer[],
  ids: ContactPoints,
  input: CustomerDetails,
  source: Source,
): MergeDecision {
  const isTrusted = trustedSources.includes(source);
  const linked = candidates.filter((c) => linkStrength(c, ids) > 0).sort(byStrength(ids));
  // An integration's external id is its own key for the customer: it identifies them outright.
  const byExternalId =
    isTrusted && ids.externalId !== null
      ? linked.find((c) => c.externalId === ids.externalId && c.possibleDuplicateOf === null)
      : undefined;
  const agreeing =
    byExternalId ??
    linked.find((c) => foldName(c.name) === foldName(input.name) && !conflicts(c, ids));
  if (!agreeing) {
    const match = linked[0];
    return {
      kind: 'create',
      possibleDuplicateOf: match ? (match.possibleDuplicateOf ?? match.id) : null,
    };
  }
  const heldByOther = (point: (typeof points)[number], value: string) =>
    candidates.some(
      (c) => c.id !== agreeing.id && c.possibleDuplicateOf === null && c[point] === value,
    );
  const patch: CustomerPatch = {};
  for (const point of points) {
    const value = ids[point];
    if (point === 'externalId' && !isTrusted) continue;
    if (value !== null && agreeing[point] === null && !heldByOther(point, value))
      patch[point] = value;
  }
  if (isTrusted && input.tier && agreeing.tier === null) patch.tier = input.tier;
  if (isTrusted && input.customerSince && agreeing.customerSince === null)
    patch.customerSince = input.customerSince;
  return { kind: 'use', customer: agreeing, patch };
}

/**
 * The customer a row that names no person is about (an order that gives only a phone number):
 * a primary record tied to one of its contact points and holding none that differs, the
 * strongest tie first. Nothing is learnt from such a row, so there is no patch; undefined when
 * no record fits, and the caller asks for a name to create one.
 */
export function matchKnown(
  candidates: readonly KnownCustomer[],
  ids: ContactPoints,
): KnownCustomer | undefined {
  return candidates
    .filter((c) => c.possibleDuplicateOf === null && linkStrength(c, ids) > 0)
    .filter((c) => linkStrength(c, ids) === 3 || !conflicts(c, ids))
    .sort(byStrength(ids))[0];
}
