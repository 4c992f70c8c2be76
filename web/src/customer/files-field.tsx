/** @jsxImportSource preact */
import { formatBytes } from './bytes.ts';
import { currentLanguage, t, useLanguage } from './i18n.ts';

/** What the form offers to pick; the server reads each file's real type from its bytes. */
export const ACCEPT = [
  'image/*',
  'application/pdf',
  '.doc',
  '.docx',
  '.xls',
  '.xlsx',
  '.txt',
  '.csv',
  'audio/*',
  'video/mp4',
].join(',');

export type UploadLimits = { maxFiles: number; maxBytes: number };

/** The first problem with the chosen files that the server would refuse, before sending them. */
export function checkFiles(files: readonly File[], limits: UploadLimits): string | undefined {
  if (files.length > limits.maxFiles) return t('forms.tooManyFiles', { max: limits.maxFiles });
  const big = files.find((f) => f.size > limits.maxBytes);
  if (big)
    return t('forms.fileTooLarge', {
      name: big.name,
      size: formatBytes(limits.maxBytes, currentLanguage()),
    });
  return undefined;
}

/**
 * Photos or documents: a button that adds what is picked to the list below (picking again adds
 * more, as people expect on a phone); each listed file shows its size and can be removed.
 */
export function FilesField({
  id,
  label,
  help,
  pick,
  files,
  onChange,
  error,
  progress = null,
  testId,
  fileTestId,
}: {
  id: string;
  label: string;
  help: string;
  pick: string;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
  /** The share sent so far while the form is being sent, 0 to 1. */
  progress?: number | null;
  /** The test id of the file input. */
  testId: string;
  /** The test id of each listed file (its list's is this with `-list`). */
  fileTestId: string;
}) {
  const language = useLanguage();
  const described = [`${id}-help`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <div class="field">
      <span class="field-label" id={`${id}-label`}>
        {label}
      </span>
      <p class="field-help" id={`${id}-help`}>
        {help}
      </p>
      <label class="button button-default file-pick">
        <input
          id={id}
          type="file"
          multiple
          accept={ACCEPT}
          class="file-input"
          aria-labelledby={`${id}-label`}
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
          disabled={progress !== null}
          onChange={(event) => {
            const input = event.currentTarget;
            const picked = Array.from(input.files ?? []);
            input.value = '';
            if (picked.length > 0) onChange([...files, ...picked]);
          }}
          data-testid={testId}
        />
        <span aria-hidden="true">{pick}</span>
      </label>
      {files.length > 0 && (
        <ul class="file-list" data-testid={`${fileTestId}-list`}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} data-testid={fileTestId}>
              <span class="file-name">{file.name}</span>
              <span class="file-size">{formatBytes(file.size, language)}</span>
              <button
                type="button"
                class="file-remove"
                aria-label={t('forms.removeFile', { name: file.name })}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                disabled={progress !== null}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {progress !== null && (
        <div class="upload-progress" data-testid="public-upload-progress">
          <progress max={100} value={percent} aria-label={t('forms.uploading', { percent })} />
          <p aria-live="polite">{t('forms.uploading', { percent })}</p>
        </div>
      )}
    </div>
  );
}
