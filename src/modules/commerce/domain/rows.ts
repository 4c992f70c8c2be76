import { currencyExponent, toMinorUnits } from '../../../platform/contract/money.ts';
import type { ColumnMapping, ImportKind } from './mapping.ts';
import {
  cellText,
  currencyOfAmount,
  isBlankCell,
  parseAmount,
  parseDate,
  parseChannel,
  parseKind,
  parseStatus,
  phoneText,
  type CellValue,
} from './values.ts';

/** What a row of a file becomes before the bulk API's own checks: its input and its refusals. */
export type FileRow = {
  input: Record<string, unknown>;
  problems: { field: string; messageKey: string }[];
};

export type RowContext = { timeZone: string; country: string; defaultCurrency: string };

const dateFields = new Set([
  'orderedAt',
  'occurredAt',
  'referredAt',
  'customerSince',
  'openedAt',
  'fixedAt',
  'closedAt',
]);

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head!] = value;
    return;
  }
  const child = (target[head!] ??= {}) as Record<string, unknown>;
  setPath(child, rest.join('.'), value);
}

/**
 * A file's row as the bulk API's row (dates as ISO instants, amounts in minor units, phone
 * numbers as text), by the mapping. A value that cannot be read is a refusal naming its field;
 * a blank cell is left out, so the API's rules say whether it was needed.
 */
export function fileRowToInput(
  kind: ImportKind,
  cells: readonly CellValue[],
  mapping: ColumnMapping,
  context: RowContext,
): FileRow {
  const input: Record<string, unknown> = {};
  const problems: FileRow['problems'] = [];
  const valueOf = (field: string): CellValue | undefined => {
    const i = mapping.indexOf(field);
    return i < 0 ? undefined : (cells[i] ?? null);
  };
  for (const [i, field] of mapping.entries()) {
    if (field === null || field === 'amount' || field === 'currency') continue;
    const cell = cells[i] ?? null;
    if (isBlankCell(cell)) continue;
    if (dateFields.has(field)) {
      const parsed = parseDate(cell, context.timeZone);
      if (!parsed.ok) problems.push({ field, messageKey: parsed.messageKey });
      else
        setPath(
          input,
          field,
          field === 'customerSince'
            ? parsed.value.toISOString().slice(0, 10)
            : parsed.value.toISOString(),
        );
    } else if (kind === 'complaints' && (field === 'channel' || field === 'status')) {
      const parsed = field === 'channel' ? parseChannel(cell) : parseStatus(cell);
      if (!parsed.ok) problems.push({ field, messageKey: parsed.messageKey });
      else input[field] = parsed.value;
    } else if (field === 'kind') {
      const parsed = parseKind(cell);
      if (!parsed.ok) problems.push({ field, messageKey: parsed.messageKey });
      else input.kind = parsed.value;
    } else if (field.endsWith('phone')) {
      setPath(input, field, phoneText(cell, context.country));
    } else if (field === 'preferredLanguage') {
      setPath(input, field, cellText(cell).toLowerCase());
    } else {
      setPath(input, field, cellText(cell));
    }
  }
  const amountCell = valueOf('amount');
  const currencyCell = valueOf('currency');
  if (!isBlankCell(amountCell)) {
    const currency = isBlankCell(currencyCell)
      ? (currencyOfAmount(amountCell!) ?? context.defaultCurrency)
      : cellText(currencyCell!).toUpperCase();
    input.currency = currency;
    const parsed = parseAmount(amountCell!, currencyExponent(currency));
    if (!parsed.ok) problems.push({ field: 'amount', messageKey: parsed.messageKey });
    else {
      const minor = toMinorUnits(parsed.value, currency);
      if (minor === undefined)
        problems.push({ field: 'amount', messageKey: 'import.too_many_decimals' });
      else input.amountMinor = minor;
    }
  } else if (kind === 'orders') {
    input.currency = isBlankCell(currencyCell)
      ? context.defaultCurrency
      : cellText(currencyCell!).toUpperCase();
  } else if (!isBlankCell(currencyCell)) {
    input.currency = cellText(currencyCell!).toUpperCase();
  }
  for (const who of ['customer', 'referrer', 'referred'])
    if (kind !== 'customers' && kind !== 'referrals' && who === 'customer') input.customer ??= {};
    else if (kind === 'referrals' && who !== 'customer') input[who] ??= {};
  return { input, problems };
}
