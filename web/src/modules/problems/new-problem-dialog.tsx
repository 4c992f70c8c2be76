import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReasonName, useReasons } from '../../api/catalog.ts';
import { useCurrentUser } from '../../app/session.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { ErrorAlert, splitApiError } from '../../ui/api-error.tsx';
import { windowUnits, type WindowUnit } from './problem-words.ts';
import { useUserOptions } from './problem-ui.tsx';
import { useCreateProblem, useLinkComplaints } from './problems.api.ts';

const LANGS = ['vi', 'en', 'zh'] as const;
const FIELDS = [
  'title',
  'title.vi',
  'title.en',
  'title.zh',
  'description',
  'reasonId',
  'products',
  'orders',
  'ownerId',
  'windowLength',
  'windowUnit',
  'recurrenceThreshold',
];

const trimmed = (v: string) => (v.trim() ? v : undefined);

/** "New problem": a title in one language at least, and the monitoring window it closes on. */
export function NewProblemDialog({
  onClose,
  complaintIds,
}: {
  onClose: () => void;
  /** Cases to link once it exists (from a case or the queue). */
  complaintIds?: string[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const reasons = useReasons();
  const reasonName = useReasonName();
  const owners = useUserOptions();
  const create = useCreateProblem();
  const link = useLinkComplaints();
  const [title, setTitle] = useState<Record<string, string>>({ vi: '', en: '', zh: '' });
  const [description, setDescription] = useState('');
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [products, setProducts] = useState<string[]>([]);
  const [orders, setOrders] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState<string | null>(me.id);
  const [windowLength, setWindowLength] = useState<number | string>(20);
  const [windowUnit, setWindowUnit] = useState<WindowUnit>('business_days');
  const [threshold, setThreshold] = useState<number | string>(0);
  const [missingTitle, setMissingTitle] = useState(false);
  const errors = splitApiError(create.error, FIELDS);
  const titleError = missingTitle
    ? t('problems.new.titleNeeded')
    : (errors.field.title ?? errors.field['title.vi'] ?? errors.field['title.en']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!LANGS.some((l) => title[l]?.trim())) {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    create.mutate(
      {
        title: {
          vi: trimmed(title.vi ?? ''),
          en: trimmed(title.en ?? ''),
          zh: trimmed(title.zh ?? ''),
        },
        description: description.trim() ? { [currentLanguage()]: description } : {},
        reasonId,
        products,
        orders,
        ownerId,
        windowLength: Number(windowLength) || 20,
        windowUnit,
        recurrenceThreshold: Number(threshold) || 0,
      },
      {
        onSuccess: async (created) => {
          const id = created.problem.id;
          if (complaintIds && complaintIds.length > 0)
            await link.mutateAsync({ problemId: id, complaintIds }).catch(() => undefined);
          onClose();
          void navigate(`/problems/${id}`);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('problems.new.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="problem-new-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('problems.new.help')}
          </Text>
          {LANGS.map((l, i) => (
            <TextInput
              key={l}
              label={t(`problems.new.title_${l}`)}
              value={title[l]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTitle((prev) => ({ ...prev, [l]: value }));
              }}
              lang={l === 'zh' ? 'zh-Hans' : l}
              maxLength={300}
              error={i === 0 ? titleError : errors.field[`title.${l}`]}
              data-autofocus={i === 0 ? true : undefined}
              data-testid={`problem-new-title-${l}`}
            />
          ))}
          <Textarea
            label={t('problems.new.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            error={errors.field.description}
            data-testid="problem-new-description"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('problems.new.reason')}
              placeholder={t('problems.new.noReason')}
              data={(reasons.data ?? []).map((r) => ({ value: r.id, label: reasonName(r) }))}
              value={reasonId}
              onChange={setReasonId}
              searchable
              clearable
              error={errors.field.reasonId}
              data-testid="problem-new-reason"
            />
            <Select
              label={t('problems.new.owner')}
              data={owners}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              allowDeselect={false}
              error={errors.field.ownerId}
              data-testid="problem-new-owner"
            />
            <TagsInput
              label={t('problems.new.products')}
              description={t('problems.new.labelsHelp')}
              value={products}
              onChange={setProducts}
              maxTags={50}
              error={errors.field.products}
              data-testid="problem-new-products"
            />
            <TagsInput
              label={t('problems.new.orders')}
              description={t('problems.new.labelsHelp')}
              value={orders}
              onChange={setOrders}
              maxTags={50}
              error={errors.field.orders}
              data-testid="problem-new-orders"
            />
          </SimpleGrid>
          <Text fw={600} size="sm">
            {t('problems.new.window')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('problems.new.windowHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('problems.new.windowLength')}
              value={windowLength}
              onChange={setWindowLength}
              min={1}
              max={520}
              allowDecimal={false}
              error={errors.field.windowLength}
              data-testid="problem-new-window-length"
            />
            <Select
              label={t('problems.new.windowUnit')}
              data={windowUnits.map((u) => ({ value: u, label: t(`problems.unit.${u}`) }))}
              value={windowUnit}
              onChange={(v) => setWindowUnit((v as WindowUnit | null) ?? 'business_days')}
              allowDeselect={false}
              data-testid="problem-new-window-unit"
            />
            <NumberInput
              label={t('problems.new.threshold')}
              description={t('problems.new.thresholdHelp')}
              value={threshold}
              onChange={setThreshold}
              min={0}
              max={1000}
              allowDecimal={false}
              error={errors.field.recurrenceThreshold}
              data-testid="problem-new-threshold"
            />
          </SimpleGrid>
          <ErrorAlert error={errors.general} />
          <ErrorAlert error={link.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending || link.isPending}
              data-testid="problem-new-submit"
            >
              {t('problems.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
