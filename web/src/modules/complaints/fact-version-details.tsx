import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FactVersionView } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useFormat } from '../../i18n/format.ts';

/** Every field of one recorded version of the facts, and how it was confirmed. */
export function VersionDetails({ version }: { version: FactVersionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t('facts.whatHappened'), version.whatHappened],
    [t('facts.occurredAt'), format.dateTime(version.occurredAt)],
    [t('complaint.productRef'), version.productRef ?? ''],
    [t('complaint.orderRef'), version.orderRef ?? ''],
    [t('ask.text'), version.askText ?? ''],
    [t('ask.amount'), format.money(version.askAmount, version.askCurrency)],
    [t('facts.recordedBy'), version.createdByName ?? ''],
    [t('facts.sent'), format.dateTime(version.sentAt)],
    [t('facts.confirmedAtLabel'), format.dateTime(version.confirmedAt)],
  ];
  if (version.confirmation) {
    const c = version.confirmation;
    rows.push([
      t('facts.confirmation'),
      [
        t(`facts.via.${c.via}`),
        c.by ?? '',
        c.method ? t(`verbal.method.${c.method}`, { defaultValue: c.method }) : '',
        c.note ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    ]);
  }
  return (
    <Stack gap={4}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Text size="sm" key={label} className="preserve-lines">
            <Text span fw={600}>
              {label}:
            </Text>{' '}
            {value}
          </Text>
        ))}
    </Stack>
  );
}
