/** What the customer and staff may upload: photos, documents, recordings. Anything else is refused. */
export const allowedContentTypes: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  'audio/wav',
  'audio/x-wav',
  'audio/webm',
  'video/mp4',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** The media type without parameters, lower case: `Image/PNG; x=y` → `image/png`. */
export const baseContentType = (contentType: string): string =>
  contentType.toLowerCase().split(';')[0]!.trim();

/** Images, audio and PDFs open in the browser; everything else downloads. */
export const opensInline = (contentType: string): boolean =>
  contentType.startsWith('image/') ||
  contentType.startsWith('audio/') ||
  contentType === 'application/pdf';
