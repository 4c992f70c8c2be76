import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ComplaintDetail } from '../../../../src/modules/complaints/complaints.contract.ts';
import { useCurrentUser } from '../../app/session.ts';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../ui/api-error.tsx';
import { LANGUAGE_NAMES } from '../../ui/language-switcher.tsx';
import { CommitmentPanel } from '../commitments/commitment-panel.tsx';
import { FollowUpPanel } from '../follow-ups/follow-up-panel.tsx';
import { SurveyPanel } from '../surveys/survey-panel.tsx';
import { CommitStepRail } from '../commitments/commit-step-rail.tsx';
import { ClocksPanel } from '../sla/clocks-panel.tsx';
import { RewardsPanel } from '../rewards/rewards-panel.tsx';
import { CaseSuggestionsPanel } from '../suggestions/suggestions-panel.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { SeverityBadge, StatusBadge } from '../../ui/status-badge.tsx';
import { usePageTitle } from '../../ui/use-page-title.ts';
import { ApologyComposer } from './apology-composer.tsx';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { CallsPanel } from './calls-panel.tsx';
import { ComplaintEditPanel } from './complaint-edit-panel.tsx';
import { ComplaintTimeline } from './complaint-timeline.tsx';
import { useComplaint } from './complaints.api.ts';
import { FactsPanel } from './facts-panel.tsx';
import { NoteForm } from './note-form.tsx';
import { StatusChange } from './status-change.tsx';
import { TrackingLinksPanel } from './tracking-links-panel.tsx';
import {
  CustomerDuplicatesAlert,
  PossibleDuplicateBadge,
  usePossibleDuplicates,
} from '../customers/customer-duplicates.tsx';
import { CustomerEditModal } from '../customers/customer-edit-modal.tsx';

export function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const complaint = useComplaint(id);
  const { permissions } = useCurrentUser();
  const canMessage = permissions.includes('complaint:message');
  const canReadSurveys = permissions.includes('survey:read');
  usePageTitle(complaint.data?.complaint.reference ?? t('detail.title'));

  if (complaint.isPending) return <PageLoader />;
  if (complaint.isError) {
    return (
      <Stack>
        <Title order={1}>{t('detail.title')}</Title>
        <ErrorAlert error={complaint.error} />
        <Anchor component={Link} to="/">
          {t('detail.backToQueue')}
        </Anchor>
      </Stack>
    );
  }

  const detail = complaint.data;
  // Keyed by the case: moving to another one (a notice, a link) starts every panel afresh, so a
  // link issued here or a choice to share files never shows on the next case.
  return (
    <Stack
      key={detail.complaint.id}
      gap="md"
      data-testid="complaint-detail"
      data-complaint-id={detail.complaint.id}
    >
      <DetailHeader detail={detail} />
      <CustomerDuplicatesAlert customer={detail.customer} />
      <CommitStepRail complaintId={detail.complaint.id} steps={detail.steps} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <FactsPanel key={detail.facts.current?.version ?? 0} detail={detail} />
            <ApologyComposer detail={detail} />
            <CommitmentPanel complaintId={detail.complaint.id} />
            <FollowUpPanel complaintId={detail.complaint.id} status={detail.complaint.status} />
            {canReadSurveys && (
              <SurveyPanel
                complaintId={detail.complaint.id}
                customerId={detail.customer.id}
                status={detail.complaint.status}
              />
            )}
            <StatusChange key={detail.complaint.status} detail={detail} />
            <RewardsPanel complaintId={detail.complaint.id} status={detail.complaint.status} />
            <NoteForm complaintId={detail.complaint.id} />
            <CallsPanel
              complaintId={detail.complaint.id}
              customerPhone={detail.complaint.contactPhone ?? detail.customer.phone}
            />
            <AttachmentsPanel complaintId={detail.complaint.id} attachments={detail.attachments} />
            <ComplaintEditPanel
              key={`${detail.complaint.ownerId}-${detail.complaint.reasonId}-${detail.complaint.severity}`}
              detail={detail}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {canMessage && (
              <TrackingLinksPanel
                complaintId={detail.complaint.id}
                createdLink={detail.complaint.trackingUrl}
              />
            )}
            <ClocksPanel complaintId={detail.complaint.id} />
            <CaseSuggestionsPanel complaintId={detail.complaint.id} />
            <ComplaintTimeline complaintId={detail.complaint.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Field({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" className="preserve-lines">
        {children || '—'}
      </Text>
    </div>
  );
}

/** The reason in the reader's language, else in the case's (a name left empty by the admin). */
function reasonIn(c: ComplaintDetail['complaint'], language: string): string | null {
  const names = c.reasonNames ?? {};
  return names[language as keyof typeof names] || c.reasonName;
}

function DetailHeader({ detail }: { detail: ComplaintDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const permissions = useCurrentUser().permissions;
  const canReadMailbox = permissions.includes('mailbox:read');
  const canEditCustomer = permissions.includes('customer:update');
  const [editingCustomer, setEditingCustomer] = useState(false);
  const { complaint: c, customer } = detail;
  const { isDuplicate } = usePossibleDuplicates(customer);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Anchor component={Link} to="/" size="sm">
              ← {t('detail.backToQueue')}
            </Anchor>
            <Group gap="sm">
              <Title order={1} data-testid="complaint-reference">
                {c.reference}
              </Title>
              <StatusBadge status={c.status} />
              <SeverityBadge severity={c.severity} />
              <Badge
                color="gray.7"
                variant="outline"
                style={{ color: 'var(--mantine-color-gray-8)' }}
              >
                {t(`channel.${c.channel}`)}
              </Badge>
            </Group>
          </Stack>
          {canReadMailbox && (
            <Anchor
              component={Link}
              to={`/dev/mailbox?complaintId=${encodeURIComponent(c.id)}`}
              size="sm"
              data-testid="complaint-mailbox-link"
            >
              {t('detail.mailbox')}
            </Anchor>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="complaint-customer">
          <Field label={t('detail.customerRecord')}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} size="sm" data-testid="customer-name-display">
                {customer.name}
              </Text>
              {isDuplicate && <PossibleDuplicateBadge />}
            </Group>
            {customer.phone && (
              <Anchor href={`tel:${customer.phone}`} data-testid="customer-phone-display">
                {format.phone(customer.phone)}
              </Anchor>
            )}
            {customer.phone && customer.email && <br />}
            {customer.email && <Anchor href={`mailto:${customer.email}`}>{customer.email}</Anchor>}
            {canEditCustomer && (
              <div>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  px={0}
                  onClick={() => setEditingCustomer(true)}
                  data-testid="customer-edit-open"
                >
                  {t('customerEdit.open')}
                </Button>
              </div>
            )}
          </Field>
          <Field label={t('detail.caseContact')}>
            <div data-testid="case-contact">
              {c.contactPhone && (
                <Anchor href={`tel:${c.contactPhone}`} data-testid="case-contact-phone">
                  {format.phone(c.contactPhone)}
                </Anchor>
              )}
              {c.contactPhone && c.contactEmail && <br />}
              {c.contactEmail && (
                <Anchor href={`mailto:${c.contactEmail}`} data-testid="case-contact-email">
                  {c.contactEmail}
                </Anchor>
              )}
              {!c.contactPhone && !c.contactEmail && '—'}
            </div>
            <Text size="xs" c="dimmed">
              {t('detail.caseContactHelp')}
            </Text>
          </Field>
          <Field label={t('customer.tier')} testId="customer-tier-display">
            {[
              customer.tier,
              customer.customerSince
                ? t('detail.since', { date: format.date(customer.customerSince) })
                : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Field>
          <Field label={t('customer.preferredLanguage')}>
            {customer.preferredLanguage ? LANGUAGE_NAMES[customer.preferredLanguage] : ''}
          </Field>
          <Field label={t('complaint.reason')} testId="complaint-reason-display">
            {reasonIn(c, i18n.language)}
          </Field>
          <Field label={t('complaint.owner')}>{c.ownerName ?? t('queue.unassigned')}</Field>
          <Field label={t('detail.intakeAgent')}>{c.intakeAgentName}</Field>
          <Field label={t('detail.received')}>{format.dateTime(c.createdAt)}</Field>
          <Field label={t('detail.acknowledged')}>
            {c.acknowledgedAt ? format.dateTime(c.acknowledgedAt) : t('detail.notYet')}
          </Field>
          <Field label={t('complaint.productRef')}>{c.productRef}</Field>
          <Field label={t('complaint.orderRef')}>{c.orderRef}</Field>
          <Field label={t('complaint.ask')}>
            {[c.askText, format.money(c.askAmount, c.askCurrency)].filter(Boolean).join(' · ')}
          </Field>
        </SimpleGrid>
        <Field label={t('complaint.description')}>
          <span lang={c.language}>{c.description}</span>
        </Field>
      </Stack>
      {editingCustomer && (
        <CustomerEditModal customerId={customer.id} onClose={() => setEditingCustomer(false)} />
      )}
    </Paper>
  );
}
