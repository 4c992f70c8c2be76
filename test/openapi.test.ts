import { compileErrors, validate } from '@readme/openapi-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyPermissions } from '../src/modules/kernel/index.ts';
import { createTestContext, type TestContext } from './helpers.ts';

// The API document is valid OpenAPI 3.1 and says what the server does: who may call each
// operation, how it refuses, and the bodies the handlers read themselves.

type Operation = OpenAPIV3_1.OperationObject;
type Doc = OpenAPIV3_1.Document;

let ctx: TestContext;
let doc: Doc;
beforeAll(async () => {
  ctx = await createTestContext();
  const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  doc = response.json();
});
afterAll(async () => ctx.close());

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const operations = (): { method: string; path: string; op: Operation }[] =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item?.[m]).map((method) => ({ method, path, op: item![method]! })),
  );

/** Every place the document holds a JSON Schema. */
function schemasIn(value: unknown, at: string, out: { at: string; schema: object }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => schemasIn(v, `${at}/${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'schema' && child && typeof child === 'object')
        out.push({ at: `${at}/schema`, schema: child });
      else schemasIn(child, `${at}/${key}`, out);
    }
  }
  return out;
}

function arraysOfItems(value: unknown, at: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => arraysOfItems(v, `${at}/${i}`, out));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      if (key === 'items' && Array.isArray(child)) out.push(`${at}/items`);
      arraysOfItems(child, `${at}/${key}`, out);
    }
  return out;
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, by a real validator', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    const summary = result.valid ? 'valid' : compileErrors(result);
    console.info(
      `[figure] @readme/openapi-parser on /api/openapi.json (${operations().length} operations): ${summary}, ${result.warnings.length} warnings`,
    );
    expect(summary).toBe('valid');
    expect(result.warnings).toEqual([]);
  });

  it('holds only JSON Schema 2020-12: tuples are prefixItems, never an items array', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const found = [
      ...schemasIn(doc.paths, '#/paths'),
      ...Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({
        at: `#/components/schemas/${name}`,
        schema,
      })),
    ];
    expect(found.length).toBeGreaterThan(100);
    const invalid = found
      .filter(({ schema }) => !ajv.validateSchema(schema))
      .map(({ at }) => `${at}: ${ajv.errorsText(ajv.errors)}`);
    expect(invalid).toEqual([]);
    expect(arraysOfItems(doc, '#')).toEqual([]);
    const calendar = (
      doc.paths?.['/api/calendars']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject
    ).content['application/json']!.schema as {
      properties: Record<
        string,
        { properties: Record<string, { items: { prefixItems: unknown[] } }> }
      >;
    };
    expect(calendar.properties.weeklyHours!.properties.mon!.items.prefixItems).toHaveLength(2);
  });

  it('declares the security of every operation from its route permission', () => {
    const declared = new Map(
      ctx.app.declaredRoutes.map((r) => [`${r.method.toLowerCase()} ${r.url}`, r.permission]),
    );
    const keyPermissions = new Set<string>(apiKeyPermissions);
    // Open to any caller by permission, but served to people only (the handler says so).
    const sessionsOnly = new Set(['get /api/live']);
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    for (const { method, path, op } of ops) {
      const permission = declared.get(`${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      const name = `${method} ${path} (${permission})`;
      expect(permission, name).toBeDefined();
      expect(op.security, name).toBeDefined();
      const schemes = op.security!.flatMap((s) => Object.keys(s)).sort();
      if (permission === 'public') expect(schemes, name).toEqual([]);
      else if (sessionsOnly.has(`${method} ${path}`)) expect(schemes, name).toEqual(['session']);
      else if (permission === 'authenticated' || keyPermissions.has(permission!))
        expect(schemes, name).toEqual(['apiKey', 'session']);
      else expect(schemes, name).toEqual(['session']);
    }
    const schemes = doc.components?.securitySchemes ?? {};
    expect(Object.keys(schemes).sort()).toEqual(['apiKey', 'session']);
  });

  it('documents the refusals of every operation with the error body', () => {
    const errorSchema = doc.components?.schemas?.ErrorResponse as {
      properties: { error: { required: string[] } };
    };
    expect(errorSchema.properties.error.required.sort()).toEqual(['code', 'message']);
    for (const { method, path, op } of operations()) {
      const name = `${method} ${path}`;
      const refusals = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('4'));
      expect(refusals.length, name).toBeGreaterThan(0);
      for (const [code, response] of refusals) {
        const r = response as OpenAPIV3_1.ResponseObject;
        expect(r.description, `${name} ${code}`).toBeTruthy();
        const schema = r.content?.['application/json']?.schema as Record<string, unknown>;
        const resolved =
          schema?.$ref === '#/components/schemas/ErrorResponse' ? errorSchema : schema;
        expect(resolved, `${name} ${code}`).toMatchObject({
          properties: { error: { required: expect.arrayContaining(['code', 'message']) } },
        });
      }
      const codes = refusals.map(([code]) => code);
      if (op.security && op.security.length > 0)
        expect(codes, name).toEqual(expect.arrayContaining(['401', '403']));
      if (path.includes('{')) expect(codes, name).toContain('404');
    }
    const publicForm = doc.paths?.['/api/public/orgs/{slug}/complaints']?.post;
    expect(Object.keys(publicForm?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '404', '429']),
    );
    expect(
      (publicForm!.responses!['429'] as OpenAPIV3_1.ResponseObject).headers?.['retry-after'],
    ).toBeDefined();
  });

  it('describes the bodies that handlers read part by part', () => {
    const reply = doc.paths?.['/api/portal/{token}/messages']?.post
      ?.requestBody as OpenAPIV3_1.RequestBodyObject;
    const form = reply.content['multipart/form-data']!.schema as {
      properties: { body: { type: string }; files: { type: string; items: { format: string } } };
    };
    expect(form.properties.body.type).toBe('string');
    expect(form.properties.files).toMatchObject({ type: 'array', items: { format: 'binary' } });
    expect(reply.content['application/json']).toBeDefined();
    const upload = doc.paths?.['/api/complaints/{id}/attachments']?.post
      ?.requestBody as OpenAPIV3_1.RequestBodyObject;
    expect(upload.content['multipart/form-data']!.schema).toMatchObject({
      properties: { file: { type: 'array', items: { format: 'binary' } } },
      required: ['file'],
    });
  });

  it('says in the schema that the public form needs a phone number or an e-mail', () => {
    const body = doc.paths?.['/api/public/orgs/{slug}/complaints']?.post
      ?.requestBody as OpenAPIV3_1.RequestBodyObject;
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const isValid = ajv.compile(body.content['application/json']!.schema!);
    const form = { name: 'Lan', description: 'Giao hàng chậm' };
    expect(isValid(form)).toBe(false);
    expect(isValid({ ...form, phone: null, email: null })).toBe(false);
    expect(isValid({ ...form, phone: '' })).toBe(false);
    expect(isValid({ ...form, phone: '0912345678' })).toBe(true);
    expect(isValid({ ...form, email: 'lan@example.vn' })).toBe(true);
    const create = doc.paths?.['/api/complaints']?.post
      ?.requestBody as OpenAPIV3_1.RequestBodyObject;
    const isValidCreate = ajv.compile(create.content['application/json']!.schema!);
    const complaint = { customer: { name: 'Lan' }, description: 'Giao hàng chậm' };
    expect(isValidCreate(complaint)).toBe(false);
    expect(isValidCreate({ ...complaint, customer: { name: 'Lan', externalId: 'C-1' } })).toBe(
      true,
    );
  });
});

describe('requests no route takes', () => {
  const en = { 'accept-language': 'en' };

  it('answer 405 with Allow when the path takes other methods', async () => {
    const deleted = await ctx.app.inject({ method: 'DELETE', url: '/api/auth/me', headers: en });
    expect(deleted.statusCode).toBe(405);
    expect(deleted.headers.allow).toBe('GET, HEAD, PATCH');
    expect(deleted.json()).toEqual({
      error: {
        code: 'method_not_allowed',
        message: 'This address does not take DELETE requests (only GET, HEAD, PATCH).',
      },
    });
    const read = await ctx.app.inject({ method: 'GET', url: '/api/auth/login' });
    expect(read.statusCode).toBe(405);
    expect(read.headers.allow).toBe('POST');
    expect(read.json().error.message).toBe('Địa chỉ này không nhận yêu cầu GET (chỉ nhận: POST).');
    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/portal/some-token',
      headers: { 'accept-language': 'zh' },
    });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('GET, HEAD');
    expect(put.json().error.code).toBe('method_not_allowed');
  });

  it('answer 404 in the normal shape for an unknown API path, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const r = await ctx.app.inject({ method, url: '/api/no-such-thing', headers: en });
      expect(r.statusCode, method).toBe(404);
      expect(r.json(), method).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
      expect(r.headers['content-security-policy'], method).toContain("frame-ancestors 'none'");
    }
  });

  it('give over-long and malformed path parameters the normal error shape', async () => {
    const long = 'a'.repeat(300);
    const tooLong = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${long}`,
      headers: en,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error).toMatchObject({ code: 'validation_failed', field: 'token' });
    const huge = 'a'.repeat(5000);
    for (const [method, url] of [
      ['GET', `/api/portal/${huge}`],
      ['POST', `/api/portal/${huge}/messages`],
      ['PATCH', `/api/complaints/${huge}`],
    ] as const) {
      const r = await ctx.app.inject({ method, url, headers: en });
      expect(r.statusCode, `${method} ${url.slice(0, 30)}`).toBe(414);
      expect(r.json()).toEqual({
        error: { code: 'uri_too_long', message: 'The address is too long.' },
      });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/complaints/%zz/notes',
      headers: en,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({
      error: { code: 'validation_failed', message: 'The address is not valid.' },
    });
    expect(malformed.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
