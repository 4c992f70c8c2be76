/**
 * What a customer wrote in a reply, without the thread quoted below (or above) it and without
 * the signature: the text an agent reads on the case. The full message is kept beside it; this
 * only chooses what is shown first.
 */
export type ReplyText = {
  /** The new text of the message. */
  shown: string;
  /** Whether anything (a quote, a quote header, a signature) was taken away. */
  isTrimmed: boolean;
};

const WROTE_LINE = [
  // Gmail, Apple Mail, Thunderbird, most clients: "On Tue, 3 Apr 2012 at 16:19, Bob <b@x> wrote:"
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  // Vietnamese clients: "Vào 16:19, Thứ Ba, 3 thg 4, 2012, Bob <b@x> đã viết:"
  /^\s*(Vào|Lúc)\b.{0,300}\sđã viết:\s*$/iu,
  // Chinese clients: "在 2012年4月3日 16:19，Bob <b@x> 写道：" or "Bob 于 2012年4月3日 写道："
  /^.{0,300}(写道|寫道)\s*[:：]\s*$/u,
  // French, German and Spanish clients, met often enough in Vietnamese inboxes.
  /^\s*(Le|Am|El)\b.{0,300}\b(a écrit|schrieb|escribió)\s*:\s*$/iu,
];

const SEPARATOR_LINE = [
  /^\s*-{2,}\s*(Original Message|Reply message|Tin nhắn gốc|Thư gốc|原始邮件|原始郵件)\s*-{2,}\s*$/iu,
  // Yahoo and AOL: "----- Original Message -----" is covered above; Outlook's rule line:
  /^\s*_{20,}\s*$/,
];

/** The first line of Outlook's header block ("From: …") and the ones that follow it. */
const HEADER_FROM = /^\s*\**\s*(From|Từ|发件人|寄件者)\s*\**\s*[:：]/iu;
const HEADER_NEXT =
  /^\s*\**\s*(Sent|Date|To|Subject|Gửi|Đã gửi|Ngày|Đến|Chủ đề|发送时间|日期|收件人|主题)\s*\**\s*[:：]/iu;

/** "Sent from my iPhone" and its kin, in the three languages. */
const DEVICE_LINE =
  /^\s*(Sent from my \w+|Sent from (Mail|Outlook|Yahoo Mail) for \w+|Get Outlook for \w+|Gửi từ (iPhone|iPad|điện thoại)( của tôi)?|Được gửi từ .{1,40}|发自我的\s?\w+|從我的\s?\w+傳送)\s*$/iu;

const SIGNATURE_LINE = /^-- ?$/;

const isQuote = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim().length === 0;

/** A "… wrote:" header, on one line or broken over two (long names wrap in plain text). */
function wroteHeaderLength(lines: readonly string[], at: number): number {
  const line = lines[at] ?? '';
  if (WROTE_LINE.some((pattern) => pattern.test(line))) return 1;
  const next = lines[at + 1];
  if (next !== undefined && /^\s*(On|Vào|Lúc|在)\b/iu.test(line) && !isBlank(next)) {
    const joined = `${line.trimEnd()} ${next.trim()}`;
    if (WROTE_LINE.some((pattern) => pattern.test(joined))) return 2;
  }
  return 0;
}

function isOutlookHeader(lines: readonly string[], at: number): boolean {
  if (!HEADER_FROM.test(lines[at] ?? '')) return false;
  for (let i = at + 1; i < Math.min(lines.length, at + 5); i += 1)
    if (HEADER_NEXT.test(lines[i] ?? '')) return true;
  return false;
}

function tidy(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Takes away the quoted thread and the signature. Top-posted replies keep what comes before
 * the quote header; bottom-posted and interleaved ones keep what is not quoted. When nothing
 * would be left (a message that is only a quote), the whole text is shown.
 */
export function replyText(text: string): ReplyText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let isTrimmed = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const wrote = wroteHeaderLength(lines, i);
    if (wrote > 0) {
      isTrimmed = true;
      let next = i + wrote;
      while (next < lines.length && isBlank(lines[next] ?? '')) next += 1;
      // A header not followed by quoted lines quotes everything below it (Outlook, Yahoo).
      if (next >= lines.length || !isQuote(lines[next] ?? '')) break;
      while (next < lines.length && (isQuote(lines[next] ?? '') || isBlank(lines[next] ?? '')))
        next += 1;
      i = next - 1;
      continue;
    }
    if (SEPARATOR_LINE.some((pattern) => pattern.test(line)) || isOutlookHeader(lines, i)) {
      isTrimmed = true;
      break;
    }
    if (SIGNATURE_LINE.test(line)) {
      isTrimmed = true;
      // The signature runs to the next quote, if any: what follows it is the thread.
      let next = i + 1;
      while (
        next < lines.length &&
        !isQuote(lines[next] ?? '') &&
        wroteHeaderLength(lines, next) === 0
      )
        next += 1;
      i = next - 1;
      continue;
    }
    if (isQuote(line)) {
      isTrimmed = true;
      continue;
    }
    if (DEVICE_LINE.test(line)) {
      isTrimmed = true;
      continue;
    }
    kept.push(line);
  }
  const shown = tidy(kept);
  if (shown.length === 0) return { shown: tidy(lines), isTrimmed: false };
  return { shown, isTrimmed };
}
