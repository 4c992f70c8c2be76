import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { FileTooLargeError } from '../../platform/files.ts';
import { MAX_FILES_PER_UPLOAD } from '../../platform/http/multipart.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import * as attachments from './attachments.repository.ts';
import type { Attachment, AttachmentKind } from './attachments.repository.ts';
import type { CaseWork } from './case-work.ts';
import type { AttachmentView } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { toAttachmentView } from './complaints.views.ts';
import { complaintEvents } from './domain/events.ts';
import { fileTypeFromBuffer } from 'file-type';
import { Readable } from 'node:stream';
import { baseContentType, judgeContent, type ContentVerdict } from './domain/uploads.ts';

/** The multipart parser's own limits, as the one error shape, naming the limit. */
function refusalOf(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT')
    return new AppError('too_many_files', { field: 'file', params: { max: MAX_FILES_PER_UPLOAD } });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('validation_failed', { field: 'body' });
  return error;
}

/** A mail's file that was not kept, and why. */
export type MailFileRefusal = { filename: string; refused: 'type' | 'too_large' | 'quota' };

class RefusedType extends Error {}

const contentTypeOf = (verdict: ContentVerdict): string | undefined =>
  verdict.isAccepted ? verdict.contentType : undefined;

export type SavedFile = {
  filename: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
};

/** Files on a case: photos, documents and recordings, from staff or from the customer. */
export function createUploads(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'files' | 'uploadMaxBytes' | 'attachmentQuota'> & {
    work: CaseWork;
  },
) {
  const { db, clock, files, work } = deps;

  const discard = (saved: SavedFile[]) => Promise.all(saved.map((f) => files.remove(f.storageKey)));

  /** A size as people read it: 100 KB, 10 MB, 1.5 GB. */
  const megabytes = (bytes: number): string => {
    const units = ['KB', 'MB', 'GB', 'TB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return `${Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`;
  };

  /**
   * Streams the uploaded files to the store as they arrive and collects the text fields. Each
   * file is cut off at the first limit it passes (the file size, the case's and the org's quota),
   * its real type is read from its bytes, and if anything is refused, every file stored so far
   * is removed: nothing half-written remains. A case not created yet (`complaintId` null, the
   * public form) starts with no files. `beforeFiles` sees the text fields sent before the first
   * file and may refuse them, so a form with a mistyped field is answered before its photos
   * are read.
   */
  async function receive(
    orgId: string,
    complaintId: string | null,
    parts: AsyncIterable<UploadPart>,
    options: {
      beforeFiles?: (fields: Record<string, string>) => void;
      /** What the files may be (every upload type unless said), and the refusal's words. */
      accept?: {
        typeOf: (declared: string, detected: string | undefined) => string | undefined;
        messageKey: string;
      };
    } = {},
  ): Promise<{ saved: SavedFile[]; fields: Record<string, string> }> {
    const saved: SavedFile[] = [];
    const fields: Record<string, string> = {};
    const quota = deps.attachmentQuota;
    const usage = await attachments.attachmentUsage(db, orgId, complaintId);
    let isFirstFile = true;
    // Walked by hand: on a refusal the rest of the request is left unread (the answer goes out
    // at once and the connection closes) instead of waiting for the parser to drain it.
    const iterator = parts[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const part = next.value;
        if (part.kind === 'field') {
          fields[part.name] = part.value;
          continue;
        }
        if (isFirstFile) {
          isFirstFile = false;
          try {
            options.beforeFiles?.(fields);
          } catch (error) {
            part.stream.resume();
            throw error;
          }
        }
        if (usage.complaintFiles + saved.length >= quota.filesPerComplaint) {
          part.stream.resume();
          throw new AppError('quota_exceeded', {
            field: 'file',
            messageKey: 'error.quota_files_per_complaint',
            params: { max: quota.filesPerComplaint },
          });
        }
        const stored = saved.reduce((n, f) => n + f.sizeBytes, 0);
        const budgets = [
          {
            bytes: deps.uploadMaxBytes,
            code: 'payload_too_large',
            key: 'error.payload_too_large',
            max: deps.uploadMaxBytes,
          },
          {
            bytes: quota.bytesPerComplaint - usage.complaintBytes - stored,
            code: 'quota_exceeded',
            key: 'error.quota_bytes_per_complaint',
            max: quota.bytesPerComplaint,
          },
          {
            bytes: quota.bytesPerOrg - usage.orgBytes - stored,
            code: 'quota_exceeded',
            key: 'error.quota_bytes_per_org',
            max: quota.bytesPerOrg,
          },
        ] as const;
        const tightest = budgets.reduce((a, b) => (b.bytes < a.bytes ? b : a));
        const declared = baseContentType(part.contentType);
        try {
          const file = await files.save(
            orgId,
            part.stream,
            Math.max(0, tightest.bytes),
            async (head) => {
              const detected = (await fileTypeFromBuffer(head))?.mime;
              const accepted = options.accept
                ? options.accept.typeOf(declared, detected)
                : contentTypeOf(judgeContent(declared, detected, head));
              if (accepted === undefined)
                throw new AppError('unsupported_media_type', {
                  field: 'file',
                  messageKey: options.accept?.messageKey ?? 'error.file_type_refused',
                  params: { name: part.filename.slice(0, 100) },
                });
              return accepted;
            },
          );
          saved.push({ filename: part.filename.slice(0, 255) || 'file', ...file });
        } catch (error) {
          if (!(error instanceof FileTooLargeError)) throw error;
          part.stream.resume();
          throw new AppError(tightest.code, {
            field: 'file',
            messageKey: tightest.key,
            params: { max: megabytes(tightest.max) },
          });
        }
      }
    } catch (error) {
      void iterator.return?.(undefined).catch(() => undefined);
      await discard(saved);
      throw refusalOf(error);
    }
    return { saved, fields };
  }

  async function attach(
    tx: Tx,
    complaint: Pick<Complaint, 'orgId' | 'id'>,
    actor: Actor,
    saved: SavedFile[],
    isPublic: boolean,
    kind: AttachmentKind = 'file',
  ): Promise<Attachment[]> {
    const out: Attachment[] = [];
    for (const f of saved) {
      const attachment = await attachments.insertAttachment(tx, complaint.orgId, {
        complaintId: complaint.id,
        filename: f.filename,
        contentType: f.contentType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        storageKey: f.storageKey,
        uploadedByType: actor.type,
        uploadedById: actor.id,
        isPublic,
        kind,
        createdAt: clock.now(),
      });
      await work.addEvent(
        tx,
        complaint,
        actor,
        complaintEvents.attachmentAdded,
        isPublic ? 'public' : 'internal',
        {
          attachmentId: attachment.id,
          filename: f.filename,
          sizeBytes: f.sizeBytes,
        },
      );
      out.push(attachment);
    }
    return out;
  }

  /**
   * The files of a mail, already read whole: each is checked as an upload is (its real type from
   * its bytes, the file size, the case's and the org's quota), but a refused file does not refuse
   * the mail. It is left out and named, so the mail still becomes the case or the message it is.
   */
  async function keepMailFiles(
    orgId: string,
    complaintId: string | null,
    incoming: { filename: string; contentType: string; content: Buffer }[],
  ): Promise<{ kept: (SavedFile | MailFileRefusal)[] }> {
    const quota = deps.attachmentQuota;
    const usage = await attachments.attachmentUsage(db, orgId, complaintId);
    const kept: (SavedFile | MailFileRefusal)[] = [];
    let keptFiles = 0;
    let keptBytes = 0;
    for (const file of incoming) {
      const filename = file.filename.slice(0, 255) || 'file';
      const size = file.content.length;
      if (usage.complaintFiles + keptFiles >= quota.filesPerComplaint) {
        kept.push({ filename, refused: 'quota' });
        continue;
      }
      if (size > deps.uploadMaxBytes) {
        kept.push({ filename, refused: 'too_large' });
        continue;
      }
      if (
        usage.complaintBytes + keptBytes + size > quota.bytesPerComplaint ||
        usage.orgBytes + keptBytes + size > quota.bytesPerOrg
      ) {
        kept.push({ filename, refused: 'quota' });
        continue;
      }
      const declared = baseContentType(file.contentType);
      try {
        const stored = await files.save(
          orgId,
          Readable.from([file.content]),
          size,
          async (head) => {
            const verdict = judgeContent(declared, (await fileTypeFromBuffer(head))?.mime, head);
            if (!verdict.isAccepted) throw new RefusedType();
            return verdict.contentType;
          },
        );
        kept.push({ filename, ...stored });
        keptFiles += 1;
        keptBytes += size;
      } catch (error) {
        if (!(error instanceof RefusedType)) {
          await discard(kept.filter((k): k is SavedFile => 'storageKey' in k));
          throw error;
        }
        kept.push({ filename, refused: 'type' });
      }
    }
    return { kept };
  }

  return {
    receive,
    attach,
    discard,
    keepMailFiles,

    async addAttachments(
      scope: Scope,
      id: string,
      parts: AsyncIterable<UploadPart>,
    ): Promise<AttachmentView[]> {
      await work.getComplaint(db, scope.orgId, id);
      const { saved, fields } = await receive(scope.orgId, id, parts);
      try {
        if (saved.length === 0) throw invalidField('file', 'field.required');
        // Staff files stay internal unless the agent shares them with the customer.
        const isPublic = fields.visibleToCustomer === 'true';
        return await work.change(scope.orgId, id, async (tx, complaint) =>
          (await attach(tx, complaint, scope.actor, saved, isPublic)).map(toAttachmentView),
        );
      } catch (error) {
        await discard(saved);
        throw error;
      }
    },

    async findAttachment(orgId: string, id: string): Promise<Attachment> {
      const a = await attachments.findAttachment(db, orgId, id);
      if (!a) throw new AppError('not_found');
      return a;
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
