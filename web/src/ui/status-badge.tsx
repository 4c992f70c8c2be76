import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  ComplaintStatusCode,
  severitySchema,
} from '../../../src/modules/complaints/complaints.contract.ts';

type Severity = z.infer<typeof severitySchema>;

// Shades chosen for at least 4.5:1 contrast with the badge text (white, or black with autoContrast).
const STATUS_COLORS: Record<ComplaintStatusCode, MantineColor> = {
  new: 'blue.9',
  in_progress: 'violet.8',
  waiting_customer: 'yellow.4',
  fixed: 'teal.9',
  closed: 'gray.7',
  cancelled: 'dark.5',
};

const SEVERITY_COLORS: Record<Severity, MantineColor> = {
  low: 'gray.7',
  medium: 'yellow.4',
  high: 'orange.5',
  critical: 'red.9',
};

export function StatusBadge({ status }: { status: ComplaintStatusCode }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status] ?? 'gray.7'}
      autoContrast
      variant="filled"
      style={{ overflow: 'visible' }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
      data-testid="status-badge"
      data-status={status}
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLORS[severity] ?? 'gray.7'}
      autoContrast
      variant="filled"
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
      data-testid="severity-badge"
      data-severity={severity}
    >
      {t(`severity.${severity}`)}
    </Badge>
  );
}
