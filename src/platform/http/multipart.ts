import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The most files one upload may carry. */
export const MAX_FILES_PER_UPLOAD = 10;

export type UploadPart =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; filename: string; contentType: string; stream: Readable };

/** The parts of a multipart request as plain data, in arrival order. Streams must be consumed in order. */
export async function* uploadParts(request: FastifyRequest): AsyncGenerator<UploadPart> {
  if (!request.isMultipart()) return;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      yield {
        kind: 'file',
        name: part.fieldname,
        filename: part.filename,
        contentType: part.mimetype,
        stream: part.file,
      };
    } else {
      yield {
        kind: 'field',
        name: part.fieldname,
        value: typeof part.value === 'string' ? part.value : String(part.value),
      };
    }
  }
}
