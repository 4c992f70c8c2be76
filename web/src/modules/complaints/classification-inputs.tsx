import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { severitySchema } from '../../../../src/modules/complaints/complaints.contract.ts';

type Severity = (typeof severitySchema.options)[number];
type TextField = { value: string; onChange: (value: string) => void; error?: string };

/** A complaint's severity, from the contract's list. */
export function SeveritySelect({
  value,
  onChange,
  error,
  testId,
}: {
  value: Severity;
  onChange: (severity: Severity) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('complaint.severity')}
      value={value}
      onChange={(picked) => {
        const severity = severitySchema.options.find((s) => s === picked);
        if (severity) onChange(severity);
      }}
      data={severitySchema.options.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
      allowDeselect={false}
      error={error}
      data-testid={testId}
    />
  );
}

/** The product and order references, as intake, classification and the facts all ask for them. */
export function ReferenceInputs({
  productRef,
  orderRef,
  testIdPrefix,
}: {
  productRef: TextField;
  orderRef: TextField;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('complaint.productRef')}
        value={productRef.value}
        onChange={(e) => productRef.onChange(e.currentTarget.value)}
        error={productRef.error}
        data-testid={`${testIdPrefix}-product-ref`}
      />
      <TextInput
        label={t('complaint.orderRef')}
        value={orderRef.value}
        onChange={(e) => orderRef.onChange(e.currentTarget.value)}
        error={orderRef.error}
        data-testid={`${testIdPrefix}-order-ref`}
      />
    </>
  );
}
