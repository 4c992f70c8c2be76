import { Anchor, List, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { parseFormatted, type Inline } from '../../../src/modules/mail/formatting.contract.ts';

function InlineNodes({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((n, i) => {
    if (n.kind === 'text') return <Fragment key={i}>{n.text}</Fragment>;
    if (n.kind === 'break') return <br key={i} />;
    if (n.kind === 'bold')
      return (
        <strong key={i}>
          <InlineNodes nodes={n.children} />
        </strong>
      );
    return (
      <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
        <InlineNodes nodes={n.children} />
      </Anchor>
    );
  });
}

/**
 * An agent's formatted message as the customer's mail shows it: bold, lists, links. Drawn as
 * React elements from the same parse as the mail's HTML, so nothing the text holds is markup.
 */
export function FormattedText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      {parseFormatted(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <Text key={i} size="sm" mb={6}>
            <InlineNodes nodes={block.children} />
          </Text>
        ) : (
          <List key={i} size="sm" type={block.kind === 'numbers' ? 'ordered' : 'unordered'} mb={6}>
            {block.items.map((item, j) => (
              <List.Item key={j}>
                <InlineNodes nodes={item} />
              </List.Item>
            ))}
          </List>
        ),
      )}
    </div>
  );
}
