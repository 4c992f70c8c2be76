import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

/**
 * Sends a file to download: its type, never sniffed, as an attachment under a safe ASCII
 * name. A stream goes out chunked as it is written.
 */
export function sendExport(
  reply: FastifyReply,
  file: { body: Buffer | Readable; contentType: string; fileName: string },
) {
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}
