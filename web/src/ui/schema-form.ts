import { useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../api/client.ts';

type Issue = z.core.$ZodIssue;

/** Keys of V whose value (leaving out null and undefined) is a T. */
type KeysWith<V, T> = {
  [K in keyof V]-?: [NonNullable<V[K]>] extends [T] ? K : never;
}[keyof V] &
  string;

export type SchemaForm<V, Request = unknown> = {
  values: V;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  patch: (changes: Partial<V>) => void;
  /**
   * The message for the field at `path` ("name", "names.vi", "weeklyHours"), including issues
   * below it that no more specific shown field claims. Asking for a path is what makes an error
   * for it land on the field instead of the form-level alert.
   */
  errorOf: (path: string) => string | undefined;
  /** What no shown field displays: a server error naming no field of the form, or none at all. */
  formError: string | null;
  /** The values differ from where the form started (or was last reset to). */
  isDirty: boolean;
  /** Starts over from `next` (after a save: what was stored), or marks the current values clean. */
  reset: (next?: V) => void;
  isSubmitting: boolean;
  /** Validates with the schema; only a valid request reaches `onValid`, whose failure is kept. */
  handleSubmit: (
    onValid: (request: Request) => Promise<unknown>,
  ) => (event?: FormEvent<HTMLFormElement>) => void;
  /** Props for a text input or textarea; an empty box becomes `empty` (undefined by default). */
  text: (
    key: KeysWith<V, string>,
    options?: { empty?: '' | null | undefined },
  ) => {
    value: string;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
  };
  /** Props for a NumberInput; an empty box is "not given", so the schema's default or rule applies. */
  number: (key: KeysWith<V, number>) => {
    value: number | string;
    onChange: (value: number | string) => void;
    error: string | undefined;
  };
  /** Props for a Select whose value is the field's value (an id or an enum member, or null). */
  select: (key: KeysWith<V, string>) => {
    value: string | null;
    onChange: (value: string | null) => void;
    error: string | undefined;
  };
  /** Props for a Switch or Checkbox. */
  checkbox: (key: KeysWith<V, boolean>) => {
    checked: boolean;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    error: string | undefined;
  };
};

const pathOf = (issue: Issue) => issue.path.map(String).join('.');

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A zod issue as a short sentence in the reader's language; the field's label says which field. */
function issueMessage(issue: Issue, values: unknown, t: TFunction): string {
  const value = valueAt(values, issue.path);
  const isBlank = value === undefined || value === null || value === '';
  switch (issue.code) {
    case 'invalid_type':
      return isBlank ? t('validation.required') : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 || isBlank
          ? t('validation.required')
          : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_value':
      return isBlank ? t('validation.required') : t('validation.invalidOption');
    case 'invalid_format':
      if (isBlank) return t('validation.required');
      return issue.format === 'email'
        ? t('validation.invalidEmail')
        : t('validation.invalidFormat');
    case 'custom':
      // The contract's own refinements say which rule failed ("field.required", "field.invalid_text").
      if (issue.message === 'field.required') return t('validation.required');
      if (issue.message === 'field.invalid_text') return t('validation.invalidText');
      return t('validation.invalid');
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t('validation.invalid');
  }
}

const covers = (path: string, target: string) => target === path || target.startsWith(`${path}.`);

/**
 * Form state driven by the contract's zod schema, the same one the server validates with.
 *
 * Values start from `initial` (the request as the form edits it). Submitting validates them with
 * the schema: issues show on their fields in the UI language, and only a valid request is sent.
 * A server error `{ code, message, field }` then shows on the field named by `field` when the form
 * shows it (the server has already localised the message), and in the form-level alert otherwise.
 */
export function useSchemaForm<S extends z.ZodType<unknown, object>, V extends object = z.input<S>>(
  schema: S,
  initial: V | (() => V),
): SchemaForm<V, z.output<S>> {
  const { t } = useTranslation();
  const [start, setStart] = useState(initial);
  const [values, setValues] = useState<V>(start);
  const [attempted, setAttempted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  // Paths the rendered fields ask about; filled during render, read on later renders.
  const shown = useRef(new Set<string>());

  const issues = useMemo(() => {
    if (!attempted) return [];
    const result = schema.safeParse(values);
    return result.success ? [] : result.error.issues;
  }, [attempted, schema, values]);

  const isShown = (target: string) => [...shown.current].some((path) => covers(path, target));
  // An error belongs to the most specific shown field above it: a row's input before its list.
  const ownedBy = (path: string, target: string) =>
    covers(path, target) &&
    ![...shown.current].some(
      (other) => other !== path && covers(path, other) && covers(other, target),
    );

  const errorOf = (path: string): string | undefined => {
    shown.current.add(path);
    const issue = issues.find((i) => ownedBy(path, pathOf(i)));
    if (issue) return issueMessage(issue, values, t);
    if (serverError instanceof ApiError)
      return serverError.errors.find((e) => ownedBy(path, e.field))?.message;
    return undefined;
  };

  const formError = (() => {
    const unshown = issues.filter((issue) => !isShown(pathOf(issue)));
    if (unshown.length > 0) {
      return unshown
        .map((issue) =>
          t('validation.atField', {
            field: pathOf(issue),
            message: issueMessage(issue, values, t),
          }),
        )
        .join(' ');
    }
    if (!serverError) return null;
    if (serverError instanceof ApiError && serverError.errors.length > 0) {
      const unclaimed = serverError.errors.filter((e) => !isShown(e.field));
      return unclaimed.length > 0 ? unclaimed.map((e) => e.message).join(' ') : null;
    }
    return errorMessage(serverError);
  })();

  const set = <K extends keyof V>(key: K, value: V[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const patch = (changes: Partial<V>) => setValues((current) => ({ ...current, ...changes }));
  // The bindings below hand the inputs' raw values to the schema, which is the one judge.
  const setRaw = (key: keyof V, value: unknown) => set(key, value as V[keyof V]);
  const read = (key: keyof V): unknown => values[key];

  return {
    values,
    set,
    patch,
    errorOf,
    formError,
    isDirty: JSON.stringify(values) !== JSON.stringify(start),
    reset: (next = values) => {
      setStart(next);
      setValues(next);
      setAttempted(false);
      setServerError(null);
    },
    isSubmitting,
    handleSubmit: (onValid) => (event) => {
      event?.preventDefault();
      setAttempted(true);
      setServerError(null);
      const result = schema.safeParse(values);
      if (!result.success) return;
      setSubmitting(true);
      onValid(result.data)
        .catch((error: unknown) => setServerError(error))
        .finally(() => setSubmitting(false));
    },
    text: (key, options = {}) => ({
      value: (read(key) as string | null | undefined) ?? '',
      onChange: (event) => {
        const text = event.currentTarget.value;
        setRaw(key, text === '' ? options.empty : text);
      },
      error: errorOf(key),
    }),
    number: (key) => ({
      value: (read(key) as number | null | undefined) ?? '',
      onChange: (value) => setRaw(key, typeof value === 'number' ? value : undefined),
      error: errorOf(key),
    }),
    select: (key) => ({
      value: (read(key) as string | null | undefined) ?? null,
      onChange: (value) => setRaw(key, value),
      error: errorOf(key),
    }),
    checkbox: (key) => ({
      checked: Boolean(read(key)),
      onChange: (event) => setRaw(key, event.currentTarget.checked),
      error: errorOf(key),
    }),
  };
}
