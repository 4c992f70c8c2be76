/** What a policy may match on. Empty lists match everything. */
export type PolicyMatch = {
  reasonIds: readonly string[];
  severities: readonly string[];
  channels: readonly string[];
  tiers: readonly string[];
};

export type ChoosablePolicy = {
  id: string;
  name: string;
  priority: number;
  active: boolean;
  match: PolicyMatch;
};

export type PolicyCase = {
  reasonId: string | null;
  severity: string;
  channel: string;
  customerTier: string | null;
};

const allows = (list: readonly string[], value: string | null): boolean =>
  list.length === 0 || (value !== null && list.includes(value));

/**
 * The policy of a case: among the active policies whose every non-empty criterion matches, the
 * lowest priority number wins; a tie goes to the name first in order, so the choice is stable.
 */
export function choosePolicy<P extends ChoosablePolicy>(
  policies: readonly P[],
  c: PolicyCase,
): P | undefined {
  return policies
    .filter(
      (p) =>
        p.active &&
        allows(p.match.reasonIds, c.reasonId) &&
        allows(p.match.severities, c.severity) &&
        allows(p.match.channels, c.channel) &&
        allows(p.match.tiers, c.customerTier),
    )
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))[0];
}
