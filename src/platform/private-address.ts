// Addresses a server of ours must not be sent to on an org's say-so (webhooks, IMAP hosts):
// loopback, link-local (the cloud metadata address among them), private, shared, multicast
// and reserved ranges, in IPv4 and IPv6, and IPv4 written inside IPv6. Pure: no lookups.

/** The host as an address to connect to, when the URL names one (`[::1]` is `::1`). */
export function literalAddress(hostname: string): string | undefined {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return parseIpv4(bare) || parseIpv6(bare) ? bare : undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? bytes : undefined;
}

/** Eight 16-bit groups, or undefined when the text is not an IPv6 address. */
function parseIpv6(text: string): number[] | undefined {
  const zoneless = text.split('%')[0]!.toLowerCase();
  if (!zoneless.includes(':')) return undefined;
  let head = zoneless;
  const tail: number[] = [];
  // A dotted IPv4 at the end (::ffff:127.0.0.1) is the last two groups.
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(zoneless);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!);
    if (!v4) return undefined;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    head = zoneless.slice(0, dotted.index + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const hex = (g: string) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN);
  const left = groups(halves[0]!).map(hex);
  const right = halves.length === 2 ? groups(halves[1]!).map(hex) : [];
  const known = left.length + right.length + tail.length;
  if ([...left, ...right].some(Number.isNaN)) return undefined;
  if (halves.length === 1 && known !== 8) return undefined;
  if (halves.length === 2 && known > 7) return undefined;
  const zeros = Array<number>(8 - known).fill(0);
  return [...left, ...(halves.length === 2 ? zeros : []), ...right, ...tail];
}

type V4Range = [number, number, number, number, number];
const blockedV4: V4Range[] = [
  [0, 0, 0, 0, 8], // "this network"
  [10, 0, 0, 0, 8],
  [100, 64, 0, 0, 10], // carrier-grade NAT
  [127, 0, 0, 0, 8],
  [169, 254, 0, 0, 16], // link-local, with the cloud metadata address
  [172, 16, 0, 0, 12],
  [192, 0, 0, 0, 24],
  [192, 0, 2, 0, 24],
  [192, 168, 0, 0, 16],
  [198, 18, 0, 0, 15],
  [198, 51, 100, 0, 24],
  [203, 0, 113, 0, 24],
  [224, 0, 0, 0, 4], // multicast
  [240, 0, 0, 0, 4], // reserved, and the broadcast address
];

const v4Number = (b: number[]) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

function isBlockedV4(bytes: number[]): boolean {
  const n = v4Number(bytes);
  return blockedV4.some(([a, b, c, d, bits]) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (n & mask) >>> 0 === (v4Number([a, b, c, d]) & mask) >>> 0;
  });
}

function isBlockedV6(g: number[]): boolean {
  const allZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (allZero(0, 8)) return true; // ::
  if (allZero(0, 7) && g[7] === 1) return true; // ::1
  const v4Of = (hi: number, lo: number) => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (allZero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return isBlockedV4(v4Of(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && allZero(2, 6)) return isBlockedV4(v4Of(g[6]!, g[7]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7, unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10, link-local
  if ((first & 0xffc0) === 0xfec0) return true; // fec0::/10, old site-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (first === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (first === 0x2002) return isBlockedV4(v4Of(g[1]!, g[2]!)); // 6to4 of a private address
  return false;
}

/**
 * Whether an address (as DNS or a URL gave it) is private, loopback or reserved. Text that is
 * no address counts as private too, so it is refused.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isBlockedV4(v4);
  const v6 = parseIpv6(address);
  if (v6) return isBlockedV6(v6);
  return true;
}
