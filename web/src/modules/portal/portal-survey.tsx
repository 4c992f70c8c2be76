/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import type { PublicSurveyView } from '../../../../src/modules/surveys/surveys.contract.ts';
import { request } from '../../customer/api.ts';
import { SurveyForm } from './survey-form.tsx';

/** The case's survey in the portal, once one was sent: answered here as from the mail. */
export function PortalSurvey({ base, status }: { base: string; status: string }) {
  const [survey, setSurvey] = useState<PublicSurveyView | null>(null);
  useEffect(() => {
    let current = true;
    request<{ survey: PublicSurveyView | null }>('GET', `${base}/survey`).then(
      (answer) => current && setSurvey(answer.survey),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [base, status]);
  if (!survey) return null;
  return (
    <div data-testid="portal-survey">
      <SurveyForm survey={survey} url={`${base}/survey`} initialScore={null} onSent={setSurvey} />
    </div>
  );
}
