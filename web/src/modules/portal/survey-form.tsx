/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { PublicSurveyView } from '../../../../src/modules/surveys/surveys.contract.ts';
import { request, splitApiError } from '../../customer/api.ts';
import { t, useLanguage } from '../../customer/i18n.ts';
import { ErrorAlert, Field } from '../../customer/layout.tsx';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** One score scale as large radio buttons: a tap on a phone, arrows on a keyboard. */
function Scale(props: {
  name: string;
  legend: string;
  values: number[];
  labelOf?: (n: number) => string;
  value: number | null;
  error?: string | undefined;
  onChange: (n: number) => void;
}) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset
      class="stack-tight"
      aria-describedby={props.error ? errorId : undefined}
      data-testid={`survey-${props.name}`}
    >
      <legend>{props.legend}</legend>
      <div class={props.labelOf ? 'stack-tight' : 'score-row'}>
        {props.values.map((n) => (
          <label key={n} class="score-choice">
            <input
              type="radio"
              name={props.name}
              value={String(n)}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
              data-testid={`survey-${props.name}-${n}`}
            />
            <span>{props.labelOf ? props.labelOf(n) : n}</span>
          </label>
        ))}
      </div>
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The survey: CSAT 1–5 (preselected from the mail's link, never sent by opening it), then the
 * optional effort, NPS, the org's question and a comment, sent with one tap.
 */
export function SurveyForm({
  survey,
  url,
  initialScore,
  onSent,
}: {
  survey: PublicSurveyView;
  url: string;
  initialScore: number | null;
  onSent: (view: PublicSurveyView) => void;
}) {
  useLanguage();
  const [csat, setCsat] = useState<number | null>(initialScore);
  const [ces, setCes] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [questionAnswer, setQuestionAnswer] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = splitApiError(error, ['csat', 'ces', 'nps', 'comment', 'questionAnswer']);

  if (survey.status === 'answered')
    return (
      <section class="card stack" aria-live="polite" data-testid="survey-thanks">
        <h2>{t('survey.thanks')}</h2>
        {survey.csat !== null && <p>{t('survey.yourScore', { score: survey.csat })}</p>}
      </section>
    );

  const send = (event: Event) => {
    event.preventDefault();
    if (pending) return;
    if (csat === null) {
      setError(new Error(t('survey.chooseScore')));
      return;
    }
    setPending(true);
    setError(null);
    request<PublicSurveyView | { survey: PublicSurveyView | null }>('POST', url, {
      csat,
      ...(survey.askCes && ces !== null ? { ces } : {}),
      ...(survey.askNps && nps !== null ? { nps } : {}),
      comment: comment || null,
      ...(survey.question ? { questionAnswer: questionAnswer || null } : {}),
    })
      .then((answer) => {
        const view = 'survey' in answer ? answer.survey : answer;
        if (view) onSent(view);
      }, setError)
      .finally(() => setPending(false));
  };

  return (
    <form class="card stack" noValidate onSubmit={send} data-testid="survey-form">
      <h2>{t('survey.intro', { reference: survey.reference })}</h2>
      <ErrorAlert message={errors.general} />
      <Scale
        name="csat"
        legend={t('survey.csat')}
        values={[5, 4, 3, 2, 1]}
        labelOf={(n) => t(`survey.score${n}`)}
        value={csat}
        error={errors.field.csat}
        onChange={setCsat}
      />
      {survey.askCes && (
        <Scale
          name="ces"
          legend={t('survey.ces')}
          values={range(1, 7)}
          value={ces}
          error={errors.field.ces}
          onChange={setCes}
        />
      )}
      {survey.askNps && (
        <Scale
          name="nps"
          legend={t('survey.nps')}
          values={range(0, 10)}
          value={nps}
          error={errors.field.nps}
          onChange={setNps}
        />
      )}
      {survey.question && (
        <Field id="survey-question" label={survey.question} error={errors.field.questionAnswer}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={questionAnswer}
              onInput={(e) => setQuestionAnswer(e.currentTarget.value)}
              data-testid="survey-question-answer"
            />
          )}
        </Field>
      )}
      <Field id="survey-comment" label={t('survey.comment')} error={errors.field.comment}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
            data-testid="survey-comment"
          />
        )}
      </Field>
      <button
        type="submit"
        class="button button-confirm button-block button-large"
        disabled={pending}
        aria-busy={pending ? 'true' : undefined}
        data-testid="survey-send"
      >
        {t('survey.send')}
      </button>
    </form>
  );
}
