import { DateTimeField } from '../../ui/date-fields.tsx';

/**
 * A due date and time, picked as a wall time in the org's time zone and handed on as an ISO
 * instant, whatever zone the browser is in.
 */
export function DueField(props: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  timeZone: string;
  testId: string;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  return <DateTimeField {...props} />;
}
