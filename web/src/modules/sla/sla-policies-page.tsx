import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReasonName, useReasons } from '../../api/catalog.ts';
import {
  channelSchema,
  severitySchema,
} from '../../../../src/modules/complaints/complaints.contract.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { useHasPermission } from '../../app/require-permission.tsx';
import {
  useCalendars,
  useEnablePreset,
  usePolicies,
  usePresets,
  useSavePolicy,
  type ClockKind,
  type DurationUnit,
  type Policy,
  type PolicyInput,
} from './sla.api.ts';
import { clockKindSchema, durationUnitSchema } from '../../../../src/modules/sla/sla.contract.ts';

type Target = { amount: number; unit: DurationUnit };
type FormState = Omit<PolicyInput, 'targets' | 'internalTargets' | 'match' | 'escalation'> & {
  match: { reasonIds: string[]; severities: string[]; channels: string[]; tiers: string[] };
  targets: Partial<Record<ClockKind, Target>>;
  internalTargets: { deadline_request?: Target; approval?: Target };
  escalation: { level: number; afterMinutes: number }[];
};

const PAUSE_STATUSES = ['new', 'in_progress', 'waiting_customer', 'fixed'] as const;
const INTERNAL = ['deadline_request', 'approval'] as const;

function blankPolicy(calendarId: string): FormState {
  return {
    name: '',
    priority: 100,
    match: { reasonIds: [], severities: [], channels: [], tiers: [] },
    calendarId,
    targets: {
      acknowledge: { amount: 30, unit: 'business_minutes' },
      first_response: { amount: 4, unit: 'business_hours' },
      commitment: { amount: 1, unit: 'business_days' },
    },
    internalTargets: { deadline_request: { amount: 30, unit: 'business_minutes' } },
    warnAtPercent: 75,
    pauseStatuses: ['waiting_customer'],
    pausedClocks: ['first_response', 'next_update', 'commitment', 'fix'],
    startRule: 'receipt',
    escalation: [
      { level: 1, afterMinutes: 0 },
      { level: 2, afterMinutes: 240 },
    ],
    preset: null,
    active: true,
  };
}

function toForm(policy: Policy): FormState {
  return {
    name: policy.name,
    priority: policy.priority,
    match: {
      reasonIds: policy.match.reasonIds,
      severities: policy.match.severities,
      channels: policy.match.channels,
      tiers: policy.match.tiers,
    },
    calendarId: policy.calendarId,
    targets: policy.targets,
    internalTargets: policy.internalTargets,
    warnAtPercent: policy.warnAtPercent,
    pauseStatuses: policy.pauseStatuses,
    pausedClocks: policy.pausedClocks,
    startRule: policy.startRule,
    escalation: policy.escalation,
    preset: policy.preset,
    active: policy.active,
  };
}

/** Admin: SLA policies (which complaints, which calendar, which targets) and regulatory presets. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('policies.title'));
  const policies = usePolicies();
  const calendars = useCalendars();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const current =
    selected && selected !== 'new' ? (policies.data ?? []).find((p) => p.id === selected) : null;
  const calendarName = new Map((calendars.data ?? []).map((c) => [c.id, c.name]));
  const defaultCalendar =
    (calendars.data ?? []).find((c) => c.isDefault)?.id ?? calendars.data?.[0]?.id ?? '';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('policies.title')}</Title>
        <Button
          onClick={() => setSelected('new')}
          disabled={!defaultCalendar}
          data-testid="policy-new"
        >
          {t('policies.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('policies.help')}
      </Text>
      <ErrorAlert error={policies.error} />
      {policies.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={700} type="native">
          <Table data-testid="policies-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('policies.name')}</Table.Th>
                <Table.Th>{t('policies.priority')}</Table.Th>
                <Table.Th>{t('policies.calendar')}</Table.Th>
                <Table.Th>{t('policies.state')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(policies.data ?? []).length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>{t('common.empty')}</Table.Td>
                </Table.Tr>
              )}
              {(policies.data ?? []).map((p) => (
                <Table.Tr key={p.id} data-testid="policy-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    {p.preset && (
                      <Text size="xs" c="dimmed">
                        {t('policies.fromPreset', { code: p.preset })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.priority}</Table.Td>
                  <Table.Td>{calendarName.get(p.calendarId) ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={p.active ? 'teal.9' : 'gray.7'} variant="filled" autoContrast>
                      {p.active ? t('common.active') : t('common.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setSelected(p.id)}
                        aria-label={t('common.editNamed', { name: p.name })}
                        data-testid="policy-edit"
                      >
                        {t('common.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(selected === 'new' || current) && (
        <PolicyEditor
          key={selected === 'new' ? 'new' : current!.id}
          policy={selected === 'new' ? null : current!}
          defaultCalendar={defaultCalendar}
          onDone={(id) => setSelected(id)}
        />
      )}
      <PresetsSection defaultCalendar={defaultCalendar} />
    </Stack>
  );
}

function TargetInputs({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: Target | undefined;
  onChange: (next: Target | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>
        <Checkbox
          label={label}
          checked={value !== undefined}
          onChange={(e) =>
            onChange(e.currentTarget.checked ? { amount: 1, unit: 'business_days' } : undefined)
          }
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('policies.amountFor', { clock: label })}
          size="xs"
          min={1}
          max={10000}
          allowDecimal={false}
          disabled={!value}
          value={value?.amount ?? ''}
          onChange={(v) => value && onChange({ ...value, amount: Number(v) || 1 })}
          w={100}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t('policies.unitFor', { clock: label })}
          size="xs"
          allowDeselect={false}
          disabled={!value}
          value={value?.unit ?? null}
          onChange={(v) => value && v && onChange({ ...value, unit: v as DurationUnit })}
          data={durationUnitSchema.options.map((u) => ({
            value: u,
            label: t(`durationUnit.${u}`),
          }))}
          w={260}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function PolicyEditor({
  policy,
  defaultCalendar,
  onDone,
}: {
  policy: Policy | null;
  defaultCalendar: string;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const can = useHasPermission();
  const calendars = useCalendars();
  const reasons = useReasons();
  const reasonName = useReasonName();
  const save = useSavePolicy();
  const [form, setForm] = useState<FormState>(() =>
    policy ? toForm(policy) : blankPolicy(defaultCalendar),
  );
  const patch = (changes: Partial<FormState>) => setForm((f) => ({ ...f, ...changes }));
  const errors = splitApiError(save.error, ['name', 'priority', 'calendarId', 'warnAtPercent']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: policy?.id ?? null, input: form as PolicyInput },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('common.saved') });
          onDone(saved.id);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="policy-editor-title"
      data-testid="policy-editor"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="policy-editor-title">
            {policy ? t('policies.editNamed', { name: policy.name }) : t('policies.new')}
          </Title>
          <ErrorAlert error={errors.general} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              label={t('policies.name')}
              required
              value={form.name}
              onChange={(e) => patch({ name: e.currentTarget.value })}
              error={errors.field.name}
              data-testid="policy-name"
            />
            <NumberInput
              label={t('policies.priority')}
              description={t('policies.priorityHelp')}
              min={0}
              max={10000}
              allowDecimal={false}
              value={form.priority}
              onChange={(v) => patch({ priority: Number(v) || 0 })}
              error={errors.field.priority}
              data-testid="policy-priority"
            />
            <Select
              label={t('policies.calendar')}
              required
              allowDeselect={false}
              value={form.calendarId}
              onChange={(v) => v && patch({ calendarId: v })}
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              error={errors.field.calendarId}
              data-testid="policy-calendar"
            />
            <Switch
              label={t('common.active')}
              checked={form.active ?? true}
              onChange={(e) => patch({ active: e.currentTarget.checked })}
              mt={{ lg: 28 }}
              data-testid="policy-active"
            />
          </SimpleGrid>

          <Fieldset legend={t('policies.match')}>
            <Text size="sm" c="dimmed" mb="xs">
              {t('policies.matchHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MultiSelect
                label={t('policies.reasons')}
                searchable
                clearable
                value={form.match.reasonIds}
                onChange={(reasonIds) => patch({ match: { ...form.match, reasonIds } })}
                data={(reasons.data ?? []).map((r) => ({ value: r.id, label: reasonName(r) }))}
                data-testid="policy-reasons"
              />
              <MultiSelect
                label={t('policies.severities')}
                clearable
                value={form.match.severities}
                onChange={(severities) => patch({ match: { ...form.match, severities } })}
                data={severitySchema.options.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                data-testid="policy-severities"
              />
              <MultiSelect
                label={t('policies.channels')}
                clearable
                value={form.match.channels}
                onChange={(channels) => patch({ match: { ...form.match, channels } })}
                data={channelSchema.options.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                data-testid="policy-channels"
              />
              <TagsInput
                label={t('policies.tiers')}
                description={t('policies.tiersHelp')}
                clearable
                value={form.match.tiers}
                onChange={(tiers) => patch({ match: { ...form.match, tiers } })}
                data-testid="policy-tiers"
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('policies.targets')}>
            <Table.ScrollContainer minWidth={560} type="native">
              <Table data-testid="policy-targets" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('policies.clock')}</Table.Th>
                    <Table.Th>{t('policies.amount')}</Table.Th>
                    <Table.Th>{t('policies.unit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clockKindSchema.options.map((clock) => (
                    <TargetInputs
                      key={clock}
                      label={t(`clockKind.${clock}`)}
                      value={form.targets[clock]}
                      onChange={(next) => {
                        const targets = { ...form.targets };
                        if (next) targets[clock] = next;
                        else delete targets[clock];
                        patch({ targets });
                      }}
                      testId={`policy-target-${clock}`}
                    />
                  ))}
                  {INTERNAL.map((kind) => (
                    <TargetInputs
                      key={kind}
                      label={t(`policies.internal.${kind}`)}
                      value={form.internalTargets[kind]}
                      onChange={(next) => {
                        const internalTargets = { ...form.internalTargets };
                        if (next) internalTargets[kind] = next;
                        else delete internalTargets[kind];
                        patch({ internalTargets });
                      }}
                      testId={`policy-internal-${kind}`}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Fieldset>

          <Fieldset legend={t('policies.rules')}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <NumberInput
                label={t('policies.warnAt')}
                description={t('policies.warnAtHelp')}
                min={1}
                max={99}
                allowDecimal={false}
                suffix=" %"
                value={form.warnAtPercent}
                onChange={(v) => patch({ warnAtPercent: Number(v) || 75 })}
                error={errors.field.warnAtPercent}
                data-testid="policy-warn"
              />
              <Select
                label={t('policies.startRule')}
                allowDeselect={false}
                value={form.startRule ?? 'receipt'}
                onChange={(v) => v && patch({ startRule: v as 'receipt' | 'next_business_day' })}
                data={[
                  { value: 'receipt', label: t('policies.start.receipt') },
                  { value: 'next_business_day', label: t('policies.start.next_business_day') },
                ]}
                data-testid="policy-start-rule"
              />
              <MultiSelect
                label={t('policies.pauseStatuses')}
                description={t('policies.pauseStatusesHelp')}
                value={form.pauseStatuses ?? []}
                onChange={(v) => patch({ pauseStatuses: v as FormState['pauseStatuses'] })}
                data={PAUSE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                data-testid="policy-pause-statuses"
              />
              <MultiSelect
                label={t('policies.pausedClocks')}
                value={form.pausedClocks ?? []}
                onChange={(v) => patch({ pausedClocks: v as ClockKind[] })}
                data={clockKindSchema.options.map((c) => ({
                  value: c,
                  label: t(`clockKind.${c}`),
                }))}
                data-testid="policy-paused-clocks"
              />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('policies.escalation')} data-testid="policy-escalation">
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('policies.escalationHelp')}
              </Text>
              {form.escalation.map((step, index) => (
                <Group key={index} align="flex-end" gap="xs" data-testid="escalation-row">
                  <NumberInput
                    label={t('policies.level')}
                    min={1}
                    max={5}
                    allowDecimal={false}
                    value={step.level}
                    onChange={(v) =>
                      patch({
                        escalation: form.escalation.map((s, i) =>
                          i === index ? { ...s, level: Number(v) || 1 } : s,
                        ),
                      })
                    }
                    w={100}
                  />
                  <NumberInput
                    label={t('policies.afterMinutes')}
                    min={0}
                    max={100000}
                    allowDecimal={false}
                    value={step.afterMinutes}
                    onChange={(v) =>
                      patch({
                        escalation: form.escalation.map((s, i) =>
                          i === index ? { ...s, afterMinutes: Number(v) || 0 } : s,
                        ),
                      })
                    }
                    w={200}
                  />
                  <Button
                    variant="subtle"
                    color="red.9"
                    onClick={() =>
                      patch({ escalation: form.escalation.filter((_, i) => i !== index) })
                    }
                    aria-label={t('policies.removeLevel', { level: step.level })}
                  >
                    ✕
                  </Button>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="compact-sm"
                  disabled={form.escalation.length >= 5}
                  onClick={() =>
                    patch({
                      escalation: [
                        ...form.escalation,
                        {
                          level: Math.min(5, form.escalation.length + 1),
                          afterMinutes: 240 * form.escalation.length,
                        },
                      ],
                    })
                  }
                  data-testid="escalation-add"
                >
                  + {t('policies.addLevel')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          {can('sla:admin') && (
            <Group>
              <Button type="submit" loading={save.isPending} data-testid="policy-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function PresetsSection({ defaultCalendar }: { defaultCalendar: string }) {
  const { t } = useTranslation();
  const presets = usePresets();
  const calendars = useCalendars();
  const enable = useEnablePreset();
  const can = useHasPermission();
  const [calendarId, setCalendarId] = useState<string | null>(null);
  const chosen = calendarId ?? defaultCalendar;

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="presets-title"
      data-testid="presets"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="presets-title">
          {t('presets.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('presets.help')}
        </Text>
        <Select
          label={t('presets.calendar')}
          allowDeselect={false}
          value={chosen || null}
          onChange={setCalendarId}
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          w={300}
          data-testid="preset-calendar"
        />
        <ErrorAlert error={presets.error ?? enable.error} />
        {presets.isPending ? (
          <PageLoader />
        ) : (
          <Stack gap="sm">
            {(presets.data ?? []).map((preset) => (
              <Paper
                key={preset.code}
                withBorder
                p="sm"
                radius="sm"
                data-testid="preset-row"
                data-code={preset.code}
              >
                <Group justify="space-between" align="flex-start" wrap="wrap">
                  <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
                    <Text fw={700}>{preset.name}</Text>
                    <Text size="sm">
                      {t('presets.source')}:{' '}
                      <Anchor href={preset.sourceUrl} target="_blank" rel="noreferrer">
                        {preset.source}
                      </Anchor>
                    </Text>
                    {preset.notes && (
                      <Text size="sm" c="dimmed">
                        {preset.notes}
                      </Text>
                    )}
                    <Stack component="ul" gap={0} m={0} pl="md">
                      {preset.targetsText.map((target) => (
                        <Text component="li" size="sm" key={target.clock}>
                          {t(`clockKind.${target.clock}`)}: {target.text}
                        </Text>
                      ))}
                    </Stack>
                  </Stack>
                  {can('sla:admin') && (
                    <Button
                      disabled={!chosen}
                      loading={enable.isPending && enable.variables?.code === preset.code}
                      onClick={() =>
                        enable.mutate(
                          { code: preset.code, calendarId: chosen, priority: 50 },
                          {
                            onSuccess: () =>
                              notifications.show({
                                color: 'teal',
                                message: t('presets.enabled', { name: preset.name }),
                              }),
                          },
                        )
                      }
                      aria-label={t('presets.enableNamed', { name: preset.name })}
                      data-testid="preset-enable"
                    >
                      {t('presets.enable')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
