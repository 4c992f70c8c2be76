/**
 * The text a complaint is found by: its reference, the customer's name, phone (in both the
 * international and the national form people type), e-mail and external id, the product and
 * order, what happened, the ask, and the latest recorded facts. Folding (diacritics, case) is
 * the database's job; this only gathers.
 */
export function buildSearchText(
  c: {
    reference: string;
    description: string;
    productRef: string | null;
    orderRef: string | null;
    askText: string | null;
  },
  customer: {
    name: string;
    phone: string | null;
    nationalPhone: string | null;
    email: string | null;
    externalId: string | null;
  },
  facts: readonly string[] = [],
): string {
  return [
    c.reference,
    customer.name,
    customer.phone ?? '',
    customer.nationalPhone ?? '',
    customer.email ?? '',
    customer.externalId ?? '',
    c.productRef ?? '',
    c.orderRef ?? '',
    c.description,
    c.askText ?? '',
    ...facts,
  ]
    .filter((s) => s.length > 0)
    .join(' \n ')
    .slice(0, 200_000);
}
