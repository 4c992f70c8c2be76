import type { Actor, Scope } from '../../platform/actor.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { FileTooLargeError } from '../../platform/files.ts';
import type { UploadPart } from '../../platform/http/multipart.ts';
import * as attachments from './attachments.repository.ts';
import type { Attachment } from './attachments.repository.ts';
import type { CaseWork } from './case-work.ts';
import type { AttachmentView } from './complaints.contract.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { Complaint } from './complaints.repository.ts';
import { toAttachmentView } from './complaints.views.ts';
import { complaintEvents } from './domain/events.ts';
import { allowedContentTypes, baseContentType } from './domain/uploads.ts';

export type SavedFile = {
  filename: string;
  contentType: string;
  storageKey: string;
  sizeBytes: number;
  sha256: string;
};

/** Files on a case: photos, documents and recordings, from staff or from the customer. */
export function createUploads(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'files' | 'uploadMaxBytes'> & { work: CaseWork },
) {
  const { db, clock, files, work } = deps;

  const discard = (saved: SavedFile[]) => Promise.all(saved.map((f) => files.remove(f.storageKey)));

  /**
   * Streams the uploaded files to the store as they arrive and collects the text fields. If
   * anything is refused, every file stored so far is removed: nothing half-written remains.
   */
  async function receive(
    orgId: string,
    parts: AsyncIterable<UploadPart>,
  ): Promise<{ saved: SavedFile[]; fields: Record<string, string> }> {
    const saved: SavedFile[] = [];
    const fields: Record<string, string> = {};
    try {
      for await (const part of parts) {
        if (part.kind === 'field') {
          fields[part.name] = part.value;
          continue;
        }
        const contentType = baseContentType(part.contentType);
        if (!allowedContentTypes.has(contentType)) {
          part.stream.resume();
          throw new AppError('unsupported_media_type', {
            field: 'file',
            params: { type: contentType },
          });
        }
        try {
          const stored = await files.save(orgId, part.stream, deps.uploadMaxBytes);
          saved.push({ filename: part.filename.slice(0, 255) || 'file', contentType, ...stored });
        } catch (error) {
          if (error instanceof FileTooLargeError)
            throw new AppError('payload_too_large', {
              field: 'file',
              params: { max: `${Math.round(deps.uploadMaxBytes / 1024 / 1024)} MB` },
            });
          throw error;
        }
      }
    } catch (error) {
      await discard(saved);
      throw error;
    }
    return { saved, fields };
  }

  async function attach(
    tx: Tx,
    complaint: Complaint,
    actor: Actor,
    saved: SavedFile[],
    isPublic: boolean,
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

  return {
    receive,
    attach,
    discard,

    async addAttachments(
      scope: Scope,
      id: string,
      parts: AsyncIterable<UploadPart>,
    ): Promise<AttachmentView[]> {
      await work.getComplaint(db, scope.orgId, id);
      const { saved, fields } = await receive(scope.orgId, parts);
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
