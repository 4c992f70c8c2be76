/**
 * How intake finds the customer it is about, and what it learns about them. Pure: the service
 * loads the candidates (every customer sharing a contact point) and saves the decision.
 */

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
  preferredLanguage: 'vi' | 'en' | 'zh';
};

export type CustomerDetails = {
  name: string;
  tier?: string | null | undefined;
  customerSince?: string | null | undefined;
  preferredLanguage?: 'vi' | 'en' | 'zh' | undefined;
};

export type MergeDecision =
  | { kind: 'create' }
  | { kind: 'unchanged'; customer: KnownCustomer }
  | { kind: 'update'; customer: KnownCustomer; patch: Partial<Omit<KnownCustomer, 'id'>> };

/** The strongest match wins: the external id, then the phone, then the e-mail. */
export function chooseMatch<C extends KnownCustomer>(
  candidates: readonly C[],
  ids: ContactPoints,
): C | undefined {
  return (
    candidates.find((c) => ids.externalId !== null && c.externalId === ids.externalId) ??
    candidates.find((c) => ids.phone !== null && c.phone === ids.phone) ??
    candidates.find((c) => ids.email !== null && c.email === ids.email)
  );
}

/**
 * The match, and what to change on it: missing contact points are filled in unless another
 * customer already holds them; the name, tier, tenure and language follow the input.
 */
export function mergeCustomer(
  candidates: readonly KnownCustomer[],
  ids: ContactPoints,
  input: CustomerDetails,
): MergeDecision {
  const chosen = chooseMatch(candidates, ids);
  if (!chosen) return { kind: 'create' };
  const heldByOther = (key: keyof ContactPoints, value: string | null) =>
    value !== null && candidates.some((c) => c.id !== chosen.id && c[key] === value);
  const patch: Partial<Omit<KnownCustomer, 'id'>> = {};
  if (input.name !== chosen.name) patch.name = input.name;
  if (!chosen.phone && ids.phone && !heldByOther('phone', ids.phone)) patch.phone = ids.phone;
  if (!chosen.email && ids.email && !heldByOther('email', ids.email)) patch.email = ids.email;
  if (!chosen.externalId && ids.externalId && !heldByOther('externalId', ids.externalId))
    patch.externalId = ids.externalId;
  if (input.preferredLanguage) patch.preferredLanguage = input.preferredLanguage;
  if (input.tier) patch.tier = input.tier;
  if (input.customerSince) patch.customerSince = input.customerSince;
  const changed = (Object.keys(patch) as (keyof typeof patch)[]).some(
    (k) => patch[k] !== chosen[k],
  );
  return changed
    ? { kind: 'update', customer: chosen, patch }
    : { kind: 'unchanged', customer: chosen };
}
