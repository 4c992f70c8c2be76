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

const ooxml = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * What a detected container may be declared as: an audio recording in a WebM or MP4 container
 * reads as video, old Office files as a compound file, new ones sometimes as a plain zip.
 */
const sameContainer: Record<string, readonly string[]> = {
  'video/webm': ['audio/webm'],
  'video/mp4': ['audio/mp4'],
  'audio/x-m4a': ['audio/mp4'],
  'video/ogg': ['audio/ogg'],
  'application/ogg': ['audio/ogg'],
  'audio/vnd.wave': ['audio/wav', 'audio/x-wav'],
  'audio/wave': ['audio/wav', 'audio/x-wav'],
  'audio/x-wav': ['audio/wav'],
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel'],
  'application/zip': ooxml,
};

const textTypes = ['text/plain', 'text/csv'];

export type ContentVerdict = { isAccepted: true; contentType: string } | { isAccepted: false };

/**
 * The type a file really is, from its first bytes (`detected`, by a magic-number library), never
 * from its name or what the client claims. A recognised type is kept if it is one we accept;
 * a file nothing recognises is accepted only as text that really is text (UTF-8, no NUL). An
 * executable named `.pdf` is refused.
 */
export function judgeContent(
  declared: string,
  detected: string | undefined,
  head: Uint8Array,
): ContentVerdict {
  if (detected !== undefined) {
    if (allowedContentTypes.has(detected)) return { isAccepted: true, contentType: detected };
    const equivalents = sameContainer[detected];
    if (equivalents?.includes(declared)) return { isAccepted: true, contentType: declared };
    return { isAccepted: false };
  }
  if (!textTypes.includes(declared) || head.includes(0)) return { isAccepted: false };
  try {
    // A cut at the end of the sample may split a character; only the bytes before it count.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastWholeChar(head)));
    return { isAccepted: true, contentType: declared };
  } catch {
    return { isAccepted: false };
  }
}

/** Where the last complete UTF-8 character of a sample ends. */
function lastWholeChar(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (needed > back) end -= back;
    break;
  }
  return end;
}
