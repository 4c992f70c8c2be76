import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tableOwners } from '../src/modules/table-owners.ts';

// The shape of the house (README, "Architecture"), held by tests: every table has one owner,
// SQL lives in repositories, files stay small, and the lint rules that hold the module
// boundaries really bite.

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
const sources = filesUnder(src).map((file) => ({
  file: rel(file),
  text: fs.readFileSync(file, 'utf8'),
}));

/** Table names a file's queries name: the query builder's calls and raw SQL's FROM/JOIN/INTO/UPDATE. */
function tablesNamedIn(text: string): Set<string> {
  const tables = new Set<string>();
  const builder =
    /\.(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`]([a-z_]+)/g;
  for (const m of text.matchAll(builder)) tables.add(m[1]!);
  for (const template of text.matchAll(/sql(?:<[^>`]*>)?`([^`]*)`/g)) {
    for (const m of template[1]!.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_]+)/gi))
      tables.add(m[1]!.toLowerCase());
  }
  return tables;
}

const ownerOfFile = (file: string): string | undefined =>
  file.match(/^src\/modules\/([^/]+)\//)?.[1] ??
  (file.startsWith('src/platform/') ? 'platform' : undefined);

describe('table ownership', () => {
  it('lists an owner for every table the migrations create', async () => {
    const client = new pg.Client({ connectionString: inject('databaseUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'`,
      );
      expect(rows.map((r) => r.table_name).sort()).toEqual(Object.keys(tableOwners).sort());
    } finally {
      await client.end();
    }
  });

  it('lets a module name only the tables it owns', () => {
    const trespasses: string[] = [];
    for (const { file, text } of sources) {
      const owner = ownerOfFile(file);
      for (const table of tablesNamedIn(text)) {
        const tableOwner = tableOwners[table as keyof typeof tableOwners];
        if (tableOwner === undefined) continue; // a CTE or alias, not a table
        if (tableOwner !== owner)
          trespasses.push(`${file} names ${table} (owned by ${tableOwner})`);
      }
    }
    expect(trespasses).toEqual([]);
  });

  it('finds a trespass when there is one (the check itself works)', () => {
    expect([...tablesNamedIn("db.selectFrom('users as u').innerJoin('orgs', 'x')")]).toEqual([
      'users',
      'orgs',
    ]);
    expect([...tablesNamedIn('sql`UPDATE jobs SET x = 1 FROM complaints c`')]).toEqual([
      'jobs',
      'complaints',
    ]);
  });
});

describe('where code lives', () => {
  it('keeps SQL in repositories and platform/db', () => {
    const sqlOutside = sources
      .filter(
        ({ file }) => !file.endsWith('.repository.ts') && !file.startsWith('src/platform/db/'),
      )
      .filter(({ text }) =>
        /\.(selectFrom|insertInto|updateTable|deleteFrom|mergeInto)\(|sql`/.test(text),
      )
      .map(({ file }) => file);
    expect(sqlOutside).toEqual([]);
  });

  it('keeps every module file under about 400 lines (pure domain files may be longer)', () => {
    // The table types mirror the migrations one to one: one map that Kysely needs whole.
    const declarations = new Set(['src/platform/db/schema.ts']);
    const long = sources
      .filter(({ file }) => !file.includes('/domain/') && !declarations.has(file))
      .map(({ file, text }) => ({ file, lines: text.split('\n').length }))
      .filter(({ lines }) => lines > 420);
    expect(long).toEqual([]);
  });

  it('gives every module the same public face: an index.ts', () => {
    const modules = fs.readdirSync(path.join(src, 'modules'), { withFileTypes: true });
    for (const m of modules.filter((d) => d.isDirectory()))
      expect(fs.existsSync(path.join(src, 'modules', m.name, 'index.ts')), m.name).toBe(true);
  });
});

describe('the lint rules that hold the boundaries bite', () => {
  // Probe files are written where such code would live, linted with the real configuration
  // (its type-aware parser needs them on disk), and removed again.
  const probes: string[] = [];
  afterAll(() => {
    for (const file of probes) fs.rmSync(file, { force: true });
  });
  const lint = async (file: string, code: string) => {
    const full = path.join(
      root,
      file.replace('lint-probe', `lint-probe-${process.pid}-${probes.length}`),
    );
    probes.push(full);
    fs.writeFileSync(full, code);
    try {
      const [result] = await new ESLint({ cwd: root }).lintFiles([full]);
      return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
    } finally {
      fs.rmSync(full, { force: true });
    }
  };

  it.each([
    [
      'a deep import into another module',
      'src/modules/commitments/lint-probe.ts',
      "import { listComplaints } from '../complaints/queue.repository.ts';\nexport const x = listComplaints;\n",
      'Reach module "complaints" only through its index.ts',
    ],
    [
      'I/O in a domain file',
      'src/modules/sla/domain/lint-probe.ts',
      "import { sql } from 'kysely';\nexport const x = sql;\n",
      'A domain file does no I/O',
    ],
    [
      'a service in a domain file',
      'src/modules/sla/domain/lint-probe.ts',
      "import { createSlaService } from '../sla.service.ts';\nexport const x = createSlaService;\n",
      'A domain file does no I/O',
    ],
    [
      'the environment read outside platform/config.ts',
      'src/modules/mail/lint-probe.ts',
      'export const x = process.env.SMTP_URL;\n',
      "'process.env' is restricted",
    ],
    [
      'platform code importing a module',
      'src/platform/lint-probe.ts',
      "import { createOrgService } from '../modules/org/index.ts';\nexport const x = createOrgService;\n",
      'platform/ has no business rules',
    ],
    [
      'the web app importing a service',
      'web/src/lint-probe.ts',
      "import { createOrgService } from '../../src/modules/org/org.service.ts';\nexport const x = createOrgService;\n",
      'The web app imports only *.contract.ts files',
    ],
  ])('refuses %s', async (_, file, code, expected) => {
    const messages = await lint(file, code);
    expect(
      messages.some((m) => m.includes(expected)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('accepts the public faces', async () => {
    const messages = await lint(
      'src/modules/commitments/lint-probe.ts',
      "import { complaintEvents } from '../complaints/index.ts';\nimport { statusSchema } from '../complaints/complaints.contract.ts';\nexport const x = [complaintEvents, statusSchema];\n",
    );
    expect(messages).toEqual([]);
  });
});

describe('one name for each event', () => {
  it('writes event names only in complaints/domain/events.ts', () => {
    const eventName =
      /'(?:complaint|facts|readback|message|note|tracking_link|attachment|commitment|deadline_request|manager_update|verification)\.[a-z_]+'/;
    const elsewhere = sources
      .filter(({ file }) => file !== 'src/modules/complaints/domain/events.ts')
      .filter(({ text }) => eventName.test(text))
      .map(({ file }) => file);
    expect(elsewhere).toEqual([]);
  });
});
