import { z } from 'zod';
import { webhookEventTypes, webhookPayload, WEBHOOK_TEST_EVENT } from './webhooks.contract.ts';

const signedHeaders = {
  'webhook-id': {
    required: true,
    schema: { type: 'string' },
    description: 'The event id; the same on every try. Use it to ignore a repeat.',
  },
  'webhook-timestamp': {
    required: true,
    schema: { type: 'string' },
    description: 'Unix seconds when this try was signed. Refuse one older than 5 minutes.',
  },
  'webhook-signature': {
    required: true,
    schema: { type: 'string' },
    description:
      '`v1,` and the base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`, keyed by the base64 part of the endpoint secret (`whsec_…`). Several may be given, separated by spaces.',
  },
};

/**
 * The `webhooks` of the OpenAPI 3.1 document: one POST per event type an endpoint can
 * subscribe to, with the signed headers and the payload, from the schema the sender builds.
 */
export function webhooksDocument(): Record<string, unknown> {
  const { $schema: _, ...payload } = z.toJSONSchema(webhookPayload, {
    target: 'draft-2020-12',
    io: 'output',
  });
  const operation = (type: string) => ({
    post: {
      summary: type,
      description:
        'Retried with exponential backoff (with jitter) for up to 24 hours until the endpoint answers 2xx; redirects are not followed; after 15 failures in a row (configurable per endpoint) the endpoint is switched off and the org admins are told.',
      parameters: Object.entries(signedHeaders).map(([name, h]) => ({ name, in: 'header', ...h })),
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              ...payload,
              properties: { ...(payload.properties ?? {}), type: { const: type } },
            },
          },
        },
      },
      responses: { '2XX': { description: 'Received; any other answer is retried' } },
    },
  });
  return Object.fromEntries(
    [...webhookEventTypes, WEBHOOK_TEST_EVENT].map((type) => [type, operation(type)]),
  );
}
