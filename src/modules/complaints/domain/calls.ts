/** Which way a call went: the customer rang us, or we rang the customer. */
export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];

/** How a call ended. Only `reached` is a conversation with the customer. */
export const callOutcomes = ['reached', 'no_answer', 'voicemail', 'busy', 'wrong_number'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** A call lasts at most a day; longer is a typing mistake. */
export const maxCallSeconds = 86_400;

/**
 * What a call recording may be, by its bytes: MP3, M4A (AAC in MP4), Ogg or WAV. The stored type
 * is one every browser's audio player knows.
 */
const recordingTypes: Record<string, string> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'audio/ogg': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
};

/** The declared types under which an MP4 or Ogg container is taken as audio. */
const audioContainers: Record<string, readonly string[]> = {
  'video/mp4': ['audio/mp4', 'audio/x-m4a', 'audio/m4a'],
  'video/ogg': ['audio/ogg'],
  'application/ogg': ['audio/ogg'],
};

/**
 * The type a recording really is (`detected` from its first bytes by a magic-number library),
 * or undefined when it is not audio we keep: an executable or a PDF named `.mp3` is refused
 * whatever the client claims.
 */
export function recordingTypeOf(
  declared: string,
  detected: string | undefined,
): string | undefined {
  if (detected === undefined) return undefined;
  const known = recordingTypes[detected];
  if (known) return known;
  if (audioContainers[detected]?.includes(declared))
    return declared === 'audio/ogg' ? 'audio/ogg' : 'audio/mp4';
  return undefined;
}
