import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../app/require-permission.tsx';
import { LinkToProblemDialog } from './link-to-problem-dialog.tsx';
import { ProblemStatusBadge } from './problem-ui.tsx';
import { useCaseProblem } from './problems.api.ts';

/** Step 8 on the case's step rail: the problem the case is linked to, or a way to link one. */
export function CaseProblemStep({ complaintId }: { complaintId: string }) {
  const { t } = useTranslation();
  const can = useHasPermission();
  const canRead = can('problem:read');
  const found = useCaseProblem(complaintId, canRead);
  const [linking, setLinking] = useState(false);
  if (!canRead || !found.data) return null;
  const problem = found.data.problem;
  if (problem)
    return (
      <Stack gap={2} data-testid="case-problem" data-problem-id={problem.id}>
        <Anchor component={Link} to={`/problems/${problem.id}`} size="xs" fw={600}>
          {problem.reference}
        </Anchor>
        <Text size="xs" lineClamp={2}>
          {problem.title}
        </Text>
        <Group gap={4}>
          <ProblemStatusBadge status={problem.status} />
        </Group>
      </Stack>
    );
  return (
    <Stack gap={2} data-testid="case-problem-none">
      <Text size="xs" c="dimmed">
        {t('problems.case.none')}
      </Text>
      {can('problem:link') && (
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => setLinking(true)}
          data-testid="case-problem-link"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('problems.case.link')}
        </Button>
      )}
      {linking && (
        <LinkToProblemDialog complaintIds={[complaintId]} onClose={() => setLinking(false)} />
      )}
    </Stack>
  );
}
