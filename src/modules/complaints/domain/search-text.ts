/**
 * The text a complaint is found by, in three sections that ranking reads apart:
 *   1. who and which: the reference, the customer's name, phone (in both the international and
 *      the national form people type), e-mail and external id, the product and order;
 *   2. what kind: the reason's names in every language and the task types it was promised as;
 *   3. what happened: the description, the ask and the recorded facts.
 * Sections are separated by SECTION_SEPARATOR, fields by FIELD_SEPARATOR. Folding (diacritics,
 * case) is the database's job; this only gathers.
 */
export const SECTION_SEPARATOR = '\u001e';
export const FIELD_SEPARATOR = ' \n ';
/** So one huge complaint cannot bloat the index. */
export const SEARCH_TEXT_MAX = 200_000;

export type SearchSources = {
  complaint: {
    reference: string;
    description: string;
    productRef: string | null;
    orderRef: string | null;
    askText: string | null;
  };
  customer: {
    name: string;
    phone: string | null;
    nationalPhone: string | null;
    email: string | null;
    externalId: string | null;
  } | null;
  /** The reason's names, every language. */
  reasonNames?: readonly string[];
  taskTypeNames?: readonly string[];
  /** Recorded versions of the facts, newest first. */
  facts?: readonly {
    whatHappened: string;
    askText: string;
    productRef: string | null;
    orderRef: string | null;
  }[];
};

const clean = (values: readonly (string | null | undefined)[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    // A separator typed into a field would move the section boundaries ranking relies on.
    const v = value?.replaceAll(SECTION_SEPARATOR, ' ').trim();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
};

export function buildSearchText(s: SearchSources): string {
  const facts = s.facts ?? [];
  const identity = clean([
    s.complaint.reference,
    s.customer?.name,
    s.customer?.phone,
    s.customer?.nationalPhone,
    s.customer?.email,
    s.customer?.externalId,
    s.complaint.productRef,
    s.complaint.orderRef,
    ...facts.flatMap((f) => [f.productRef, f.orderRef]),
  ]).join(FIELD_SEPARATOR);
  const labels = clean([...(s.reasonNames ?? []), ...(s.taskTypeNames ?? [])]).join(
    FIELD_SEPARATOR,
  );
  const content = clean([
    s.complaint.description,
    s.complaint.askText,
    ...facts.flatMap((f) => [f.whatHappened, f.askText]),
  ]).join(FIELD_SEPARATOR);
  return [identity, labels, content].join(SECTION_SEPARATOR).slice(0, SEARCH_TEXT_MAX);
}
