import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Pagination,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import {
  importKinds,
  useDryRun,
  useImport,
  useStartImport,
  useUploadImport,
  type DryRun,
  type Import,
  type ImportKind,
} from './imports.api.ts';

const STATUS_COLORS = {
  created: 'teal.9',
  updated: 'blue.9',
  unchanged: 'gray.7',
  refused: 'red.9',
} as const;
const PAGE_SIZE = 25;

/**
 * Admin → Import: a file of customers, orders, subscriptions, referrals or historical complaints,
 * mapped and checked.
 */
export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('imports.title'));
  const [kind, setKind] = useState<ImportKind>('orders');
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [dry, setDry] = useState<DryRun | null>(null);
  const upload = useUploadImport();
  const dryRun = useDryRun();
  const start = useStartImport();
  const current = useImport(importId);
  const view = current.data ?? upload.data;

  const onUpload = () => {
    if (!file) return;
    setDry(null);
    upload.mutate(
      { kind, file },
      {
        onSuccess: (created) => {
          setImportId(created.id);
          setMapping(created.mapping);
        },
      },
    );
  };

  return (
    <Stack gap="md" data-testid="import-page">
      <Title order={1} size="h2">
        {t('imports.title')}
      </Title>
      <Text size="sm">{t('imports.intro')}</Text>
      {kind === 'complaints' && (
        <Alert color="blue" data-testid="import-complaints-note">
          {t('imports.complaintsNote')}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="end">
            <Select
              label={t('imports.kind')}
              data={importKinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as ImportKind)}
              allowDeselect={false}
              data-testid="import-kind"
            />
            <FileInput
              label={t('imports.file')}
              description={t('imports.fileHelp')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              clearable
              clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
              w={320}
              data-testid="import-file"
            />
            <Button
              onClick={onUpload}
              disabled={!file}
              loading={upload.isPending}
              data-testid="import-upload"
            >
              {t('imports.upload')}
            </Button>
          </Group>
          {upload.isError && <ErrorAlert error={upload.error} />}
        </Stack>
      </Paper>
      {view && (
        <MappingEditor
          view={view}
          sample={upload.data?.id === view.id ? upload.data.sample : view.sample}
          mapping={mapping}
          onChange={(m) => {
            setMapping(m);
            setDry(null);
          }}
        />
      )}
      {view && view.status === 'uploaded' && (
        <Group>
          <Button
            variant="default"
            loading={dryRun.isPending}
            onClick={() =>
              dryRun.mutate({ id: view.id, mapping }, { onSuccess: (result) => setDry(result) })
            }
            data-testid="import-dry-run"
          >
            {t('imports.dryRun')}
          </Button>
          <Button
            loading={start.isPending}
            onClick={() =>
              start.mutate({ id: view.id, mapping }, { onSuccess: () => void current.refetch() })
            }
            data-testid="import-start"
          >
            {t('imports.start')}
          </Button>
        </Group>
      )}
      {dryRun.isError && <ErrorAlert error={dryRun.error} />}
      {start.isError && <ErrorAlert error={start.error} />}
      {dry && view?.status === 'uploaded' && <DryRunTable result={dry} />}
      {view && view.status !== 'uploaded' && <RunProgress view={view} />}
    </Stack>
  );
}

function MappingEditor(props: {
  view: Import;
  /** The file's first rows, as the upload answered them. */
  sample: string[][];
  mapping: (string | null)[];
  onChange: (mapping: (string | null)[]) => void;
}) {
  const { t } = useTranslation();
  const { view, mapping } = props;
  const editable = view.status === 'uploaded';
  // A kind may name a field its own way (a complaint's channel is not a sales channel).
  const fieldLabel = (f: string) =>
    t(`imports.kindFields.${view.kind}.${f}`, {
      defaultValue: t(`imports.fields.${f}`, { defaultValue: f }),
    });
  const options = [
    { value: '', label: t('imports.skipColumn') },
    ...view.fields.map((f) => ({ value: f, label: fieldLabel(f) })),
  ];
  const mapped = new Set(mapping.filter((m): m is string => m !== null));
  const missing = view.missing.filter((f) => !mapped.has(f));
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('imports.mapping', { file: view.fileName, rows: view.totalRows })}
        </Title>
        <Table striped withTableBorder data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.field')}</Table.Th>
              <Table.Th scope="col">{t('imports.example')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.columns.map((column, i) => (
              <Table.Tr key={column}>
                <Table.Td>{column}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('imports.fieldFor', { column })}
                    data={options}
                    value={mapping[i] ?? ''}
                    disabled={!editable}
                    allowDeselect={false}
                    onChange={(v) =>
                      props.onChange(
                        mapping.map((m, k) => (k === i ? v || null : m === v && v ? null : m)),
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {props.sample[0]?.[i] ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {editable && missing.length > 0 && (
          <Alert color="yellow" role="status">
            {t('imports.missing', { fields: missing.map(fieldLabel).join(', ') })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Counts({ counts }: { counts: Import['counts'] }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {(['created', 'updated', 'unchanged', 'refused'] as const).map((s) => (
        <Badge key={s} color={STATUS_COLORS[s]} variant="filled">
          {t(`imports.status.${s}`)}: {counts[s]}
        </Badge>
      ))}
    </Group>
  );
}

function RowsTable({ rows }: { rows: DryRun['rows'] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table striped withTableBorder data-testid="import-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.row')}</Table.Th>
            <Table.Th scope="col">{t('imports.externalId')}</Table.Th>
            <Table.Th scope="col">{t('imports.result')}</Table.Th>
            <Table.Th scope="col">{t('imports.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.externalId ?? ''}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[r.status]} variant="filled">
                  {t(`imports.status.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{(r.errors ?? []).map((e) => e.message).join(' ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`imports.page.${control}`) })}
        />
      )}
    </Stack>
  );
}

function DryRunTable({ result }: { result: DryRun }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="import-dry-run-result">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('imports.dryRunTitle')}
        </Title>
        <Text size="sm">
          {result.checkedRows < result.totalRows
            ? t('imports.checkedSome', { checked: result.checkedRows, total: result.totalRows })
            : t('imports.checkedAll', { total: result.totalRows })}
        </Text>
        <Counts counts={result.counts} />
        <RowsTable rows={result.rows} />
      </Stack>
    </Paper>
  );
}

function RunProgress({ view }: { view: Import }) {
  const { t } = useTranslation();
  const share = view.totalRows === 0 ? 100 : Math.round((view.rowsDone / view.totalRows) * 100);
  const isDone = view.status === 'done' || view.status === 'failed';
  // Orders, subscriptions and referrals feed the cohorts: the next step is to look at them.
  const canReadReports = useCurrentUser().permissions.includes('report:read');
  return (
    <Paper withBorder p="md" data-testid="import-progress">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t(`imports.run.${view.status}`)}
        </Title>
        <Progress.Root size="lg">
          {/* The section is the progressbar: it carries the name and "rows done / total". */}
          <Progress.Section
            value={share}
            animated={!isDone}
            withAria={false}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
            aria-label={t('imports.progressLabel')}
            aria-valuetext={t('imports.progress', { done: view.rowsDone, total: view.totalRows })}
          />
        </Progress.Root>
        <Text size="sm" aria-live="polite">
          {t('imports.progress', { done: view.rowsDone, total: view.totalRows })}
          {view.etaSeconds !== null && !isDone
            ? ` · ${t('imports.eta', { seconds: view.etaSeconds })}`
            : ''}
        </Text>
        <Counts counts={view.counts} />
        {view.failure && <Alert color="red">{view.failure}</Alert>}
        {view.status === 'done' && view.kind !== 'customers' && canReadReports && (
          <Group>
            <Button
              component={Link}
              to="/reports/cohorts"
              variant="light"
              data-testid="import-open-cohorts"
            >
              {t('imports.openCohorts')}
            </Button>
          </Group>
        )}
        {isDone && view.refusals.length > 0 && (
          <>
            <Text size="sm">{t('imports.refusedRows', { count: view.counts.refused })}</Text>
            <RowsTable rows={view.refusals} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
