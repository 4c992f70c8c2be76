import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidFields, type FieldProblem } from '../../platform/errors.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import { fieldIssuesOfZod } from '../../platform/http/validation-errors.ts';
import { normalizePhone, type PhoneCountry } from '../customers/index.ts';
import {
  publicComplaintRequest,
  type CreateComplaintRequest,
  type PublicComplaintRequest,
} from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { createIntake } from './intake.ts';
import type { Uploads } from './uploads.ts';

/** The form's fields in the order the customer sees them: refusals come in the same order. */
const formOrder = Object.keys(publicComplaintRequest.shape);

/** Fields that may be left empty: an empty one is not given (a form sends every field). */
const optionalFields = ['phone', 'email', 'reasonId', 'orderRef', 'askText', 'language', 'website'];

function withoutEmptyOptionals(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => !(optionalFields.includes(key) && value === '')),
  );
}

/**
 * Reads the form, whether it came as JSON or as multipart text fields, and refuses it with
 * every problem at once: the schema's, a missing contact, a phone number that is no number.
 * The honeypot (a field people cannot see) answers a bot with a plain refusal first.
 */
export function checkPublicForm(raw: unknown, country: PhoneCountry): PublicComplaintRequest {
  const input = withoutEmptyOptionals(raw);
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  if (typeof given.website === 'string' && given.website.length > 0) throw new AppError('spam');
  const parsed = publicComplaintRequest.safeParse(input);
  const problems: FieldProblem[] = parsed.success
    ? []
    : fieldIssuesOfZod(parsed.error.issues, input);
  const refused = (field: string) => problems.some((p) => p.field === field);
  const phone = typeof given.phone === 'string' ? given.phone : undefined;
  const email = typeof given.email === 'string' ? given.email : undefined;
  if (!phone && !email && !refused('phone') && !refused('email'))
    problems.push({ field: 'phone', messageKey: 'field.contact_required', params: {} });
  if (phone && !refused('phone') && !normalizePhone(phone, country))
    problems.push({
      field: 'phone',
      messageKey: 'field.invalid_phone',
      params: { value: phone.slice(0, 40) },
    });
  if (problems.length > 0 || !parsed.success) {
    const rank = (field: string) => {
      const at = formOrder.indexOf(field.split('.')[0] ?? field);
      return at < 0 ? formOrder.length : at;
    };
    throw invalidFields([...problems].sort((a, b) => rank(a.field) - rank(b.field)));
  }
  return parsed.data;
}

/**
 * The public web form: a customer with no account, in their language, with photos or
 * documents if they have them. The files stream to the store under the same limits as the
 * portal's; the case, its files and the thank-you are then written in one transaction, and a
 * refusal of any part leaves nothing behind.
 */
export function createPublicIntake(
  deps: Pick<ComplaintDeps, 'db' | 'org'> & {
    intake: Pick<ReturnType<typeof createIntake>, 'intake' | 'configOf'>;
    uploads: Uploads;
  },
) {
  const { db, org, intake, uploads } = deps;

  return {
    async createFromPublicForm(
      orgSlug: string,
      submission: { body: unknown; parts: AsyncIterable<UploadPart> },
    ): Promise<{ reference: string; trackingUrl: string }> {
      const versioned = await org.findOrgVersioned(db, { slug: orgSlug });
      if (!versioned) throw new AppError('not_found');
      const found = versioned.org;
      const country = found.country as PhoneCountry;
      const read = (fields: Record<string, string>) =>
        checkPublicForm(submission.body ?? fields, country);
      let input: PublicComplaintRequest | undefined;
      const { saved, fields } = await uploads.receive(found.id, null, submission.parts, {
        beforeFiles: (early) => {
          input = read(early);
        },
      });
      try {
        const form = input ?? read(fields);
        const actor: Actor = { type: 'customer', id: null, name: form.name };
        const request: CreateComplaintRequest = {
          customer: {
            name: form.name,
            phone: form.phone ?? null,
            email: form.email ?? null,
            preferredLanguage: form.language,
          },
          channel: 'web',
          reasonId: form.reasonId ?? null,
          severity: 'medium',
          orderRef: form.orderRef ?? null,
          description: form.description,
          ask: form.askText ? { text: form.askText } : undefined,
          language: form.language,
        };
        // Read before the transaction opens (see intake.configOf).
        const config = await intake.configOf(found, versioned.configVersion, request);
        return await db.transaction().execute(async (tx) => {
          const result = await intake.intake(tx, found, config, actor, request, 'public');
          const complaint = { orgId: found.id, id: result.complaint.id };
          await uploads.attach(tx, complaint, actor, saved, true);
          return { reference: result.complaint.reference, trackingUrl: result.trackingUrl };
        });
      } catch (error) {
        await uploads.discard(saved);
        throw error;
      }
    },
  };
}
