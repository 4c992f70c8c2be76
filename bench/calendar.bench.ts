/**
 * Business-calendar arithmetic throughput. Run: npx tsx bench/calendar.bench.ts
 *
 * Figures are operations per second on this machine; compare the ratios printed in one run, not
 * absolute numbers across runs (these machines are noisy). "warm" reuses one calendar object, as a
 * server does, so per-day open intervals are cached; "cold" hands every call a fresh copy of the
 * calendar, paying validation and the Intl time-zone lookups each time.
 */
import {
  addBusinessMinutes,
  applyHolidaysToCalendar,
  businessSecondsBetween,
  closeOfBusiness,
  generateVnHolidays,
  nextOpenInstant,
  type BusinessCalendar,
  type Period,
} from '../src/modules/sla/domain/index.ts';

const OFFICE: Period[] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const weeklyHours = {
  mon: OFFICE,
  tue: OFFICE,
  wed: OFFICE,
  thu: OFFICE,
  fri: OFFICE,
  sat: [],
  sun: [],
};
const base: BusinessCalendar = {
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours,
  holidays: [],
  dateHours: {},
};
const holidays = [2025, 2026, 2027].flatMap((year) => generateVnHolidays(year, { weeklyHours }));
const calendar = applyHolidaysToCalendar(base, holidays);

// 500 start instants spread over January–February 2026 (every 2h47m), so the long case always
// crosses Tết 2026 and inputs are not all identical.
const STARTS = Array.from(
  { length: 500 },
  (_, i) => new Date(Date.UTC(2026, 0, 2) + i * 10_020_000),
);
const SHORT_MINUTES = 90;
const LONG_MINUTES = 90 * 8 * 60; // 90 business days of 8 hours
const YEAR_START = new Date('2026-01-01T00:00:00+07:00');
const YEAR_END = new Date('2027-01-01T00:00:00+07:00');

let sink = 0;

function measure(
  name: string,
  op: (i: number) => Date | number,
  minMs = 400,
): { name: string; opsPerSec: number } {
  for (let i = 0; i < 2_000; i++) sink ^= Number(op(i)) & 1; // warm-up: JIT and caches
  let count = 0;
  const began = process.hrtime.bigint();
  const budget = BigInt(minMs) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 200; i++, count++) sink ^= Number(op(count)) & 1;
    elapsed = process.hrtime.bigint() - began;
  }
  return { name, opsPerSec: (count * 1e9) / Number(elapsed) };
}

const start = (i: number) => STARTS[i % STARTS.length] ?? YEAR_START;
const fresh = (): BusinessCalendar => structuredClone(calendar);

const rows = [
  measure('addBusinessMinutes short (90 min), warm', (i) =>
    addBusinessMinutes(start(i), SHORT_MINUTES, calendar),
  ),
  measure('addBusinessMinutes long (90 business days), warm', (i) =>
    addBusinessMinutes(start(i), LONG_MINUTES, calendar),
  ),
  measure('addBusinessMinutes short (90 min), cold', (i) =>
    addBusinessMinutes(start(i), SHORT_MINUTES, fresh()),
  ),
  measure('addBusinessMinutes long (90 business days), cold', (i) =>
    addBusinessMinutes(start(i), LONG_MINUTES, fresh()),
  ),
  measure('businessSecondsBetween over 2026, warm', () =>
    businessSecondsBetween(YEAR_START, YEAR_END, calendar),
  ),
  measure('businessSecondsBetween over 2026, cold', () =>
    businessSecondsBetween(YEAR_START, YEAR_END, fresh()),
  ),
  measure('nextOpenInstant, warm', (i) => nextOpenInstant(start(i), calendar)),
  measure('closeOfBusiness (n = 15), warm', (i) => closeOfBusiness(start(i), 15, calendar)),
];

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'operation'.padEnd(width)}  ${'ops/s'.padStart(12)}  ${'µs/op'.padStart(9)}`);
for (const r of rows) {
  const perOp = 1e6 / r.opsPerSec;
  console.log(
    `${r.name.padEnd(width)}  ${Math.round(r.opsPerSec).toLocaleString('en-US').padStart(12)}  ${perOp.toFixed(2).padStart(9)}`,
  );
}

const ratio = (a: number, b: number) => (rows[a]?.opsPerSec ?? 0) / (rows[b]?.opsPerSec ?? 1);
const span = LONG_MINUTES / SHORT_MINUTES;
console.log('');
console.log(`long span is ${span}× the short span of business time`);
console.log(`long / short time per call, warm: ${ratio(0, 1).toFixed(1)}×`);
console.log(`long / short time per call, cold: ${ratio(2, 3).toFixed(1)}×`);
if (sink === 2) console.log(''); // keep results observable so the JIT cannot drop the calls
