/** The rules an inbound mail meets before it becomes, or joins, a complaint. */

export type InboundLanguage = 'vi' | 'en' | 'zh';

/** `[KN-2026-000123]` in a subject, as Ombud writes it in every mail about a case. */
const SUBJECT_REFERENCE = /\[([A-Z0-9]{1,10}-\d{4}-\d{6,9})\]/;

export function subjectReference(subject: string): string | undefined {
  return SUBJECT_REFERENCE.exec(subject)?.[1];
}

/** `<a@b>` in a header, one or many, as they are written in Message-ID, In-Reply-To, References. */
export function messageIdsIn(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const joined = typeof value === 'string' ? value : value.join(' ');
  const found = joined.match(/<[^<>\s]{1,500}>/g) ?? [];
  return [...new Set(found)].slice(0, 100);
}

const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[a-z]/gi;

/**
 * The language a customer with none on file wrote in: Chinese when Han characters lead,
 * Vietnamese when its letters appear, English for other Latin text; nothing for too little text.
 */
export function detectLanguage(text: string): InboundLanguage | undefined {
  const sample = text.slice(0, 5000);
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  const vietnamese = sample.normalize('NFC').match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (han >= 2 && han >= latin / 4) return 'zh';
  if (vietnamese >= 2) return 'vi';
  if (latin >= 20) return 'en';
  return undefined;
}

export type InboundHeaders = {
  autoSubmitted?: string | undefined;
  xAutoreply?: string | undefined;
  xAutorespond?: string | undefined;
  precedence?: string | undefined;
  /** The Content-Type's value and its report-type parameter, for delivery reports. */
  contentType?: string | undefined;
  reportType?: string | undefined;
  fromAddress: string | undefined;
};

export type InboundKind =
  /** A delivery-status notification: it marks the outgoing message it is about. */
  | 'bounce'
  /** An auto-reply or bulk mail: no complaint, no acknowledgement (that is how loops start). */
  | 'auto_reply'
  /** Mail from the org's own addresses: a loop, never a complaint. */
  | 'own_address'
  /** Mail without a sender to answer. */
  | 'no_sender'
  | 'customer';

export function classifyInbound(
  headers: InboundHeaders,
  ownAddresses: readonly string[],
): InboundKind {
  const type = (headers.contentType ?? '').toLowerCase();
  if (type === 'multipart/report' && (headers.reportType ?? '').toLowerCase() === 'delivery-status')
    return 'bounce';
  const from = headers.fromAddress?.trim().toLowerCase();
  if (!from) return 'no_sender';
  if (/^(mailer-daemon|postmaster)@/.test(from)) return 'bounce';
  if (ownAddresses.some((own) => own.trim().toLowerCase() === from)) return 'own_address';
  const auto = headers.autoSubmitted?.trim().toLowerCase();
  if (auto && auto !== 'no') return 'auto_reply';
  if (headers.xAutoreply !== undefined || headers.xAutorespond !== undefined) return 'auto_reply';
  const precedence = headers.precedence?.trim().toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk' || precedence === 'list') return 'auto_reply';
  return 'customer';
}

export type ThreadCandidate = { complaintId: string; customerEmail: string | null };

export type ThreadDecision =
  | { kind: 'join'; complaintId: string; by: 'message_id' | 'reference' }
  | { kind: 'new' }
  /** A reference to a case of another customer: a new complaint, marked as possibly related. */
  | { kind: 'new_related'; relatedComplaintId: string };

/**
 * Where a customer's mail goes. A Message-ID of ours in In-Reply-To or References is a secret
 * only the thread's readers have, so it joins. A reference in the subject is guessable, so it
 * joins only when the mail comes from the case's own customer.
 */
export function decideThread(input: {
  byMessageId: ThreadCandidate | undefined;
  byReference: ThreadCandidate | undefined;
  fromAddress: string;
}): ThreadDecision {
  if (input.byMessageId)
    return { kind: 'join', complaintId: input.byMessageId.complaintId, by: 'message_id' };
  const byReference = input.byReference;
  if (!byReference) return { kind: 'new' };
  const same =
    byReference.customerEmail !== null &&
    byReference.customerEmail.trim().toLowerCase() === input.fromAddress.trim().toLowerCase();
  return same
    ? { kind: 'join', complaintId: byReference.complaintId, by: 'reference' }
    : { kind: 'new_related', relatedComplaintId: byReference.complaintId };
}
