import fs from 'node:fs/promises';

// Each command loads only what it needs, so `ombud --help` or a calendar sum starts at once;
// the runtime (database, services, HTTP stack) loads for the commands that use it.

const usage = `Usage: ombud <command> [options]

Commands:
  db:migrate                         apply database migrations
  seed:demo                          create the demo org (if it does not exist yet)
  org:create --slug S --name N       create an org with default reasons and templates
  user:create --org S --email E --name N --role R --password P
  api-key:create --org S --name N [--role R]
                                     create an API key (one JSON line with the key; shown once)
  mail:receive --org S [FILE]        receive one raw RFC 822 mail (FILE, or standard input) and
                                     print what it became as one JSON line
  backup DIR                         online backup of the embedded database, uploads and credentials
  restore DIR [--force]              restore a backup into DATA_DIR (with the server stopped)
  calendar add|elapsed|next-open|close-of-business ...   business-calendar arithmetic
  holidays --country VN --year YYYY [--calendar FILE]     public holidays
  lunar --to-solar YYYY-MM-DD [--leap] | --from-solar YYYY-MM-DD

With no DATABASE_URL the CLI uses the embedded database: it joins a running server's, or
starts it itself when no server runs.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function required(args: string[], name: string): string {
  const value = flag(args, name);
  if (!value) throw new CliError(`--${name} is required`);
  return value;
}

class CliError extends Error {}

/** The file named after the options, or standard input. */
async function readMail(args: string[]): Promise<Buffer> {
  const positional = args.filter(
    (arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'),
  );
  const file = positional[0];
  if (file && file !== '-') return fs.readFile(file);
  if (process.stdin.isTTY) throw new CliError('give a FILE, or pipe the mail to standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (command === 'calendar' || command === 'holidays' || command === 'lunar') {
    const { runCalendarCli } = await import('../modules/sla/sla.cli.ts');
    return runCalendarCli(argv, {
      readFile: (path) => fs.readFile(path, 'utf8'),
      stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
      stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    });
  }
  if (command === 'backup' || command === 'restore') {
    const { runBackupCli } = await import('./backup-cli.ts');
    return runBackupCli(command, args, {
      stdout: (line) => console.log(line),
      stderr: (line) => console.error(line),
    });
  }
  const known = [
    'db:migrate',
    'seed:demo',
    'org:create',
    'user:create',
    'mail:receive',
    'api-key:create',
  ];
  if (!known.includes(command)) throw new CliError(`unknown command "${command}"\n\n${usage}`);
  const [{ startRuntime }, { seedDemo, DEMO_ORG_SLUG }, { systemActor }, { isRole, roles }] =
    await Promise.all([
      import('./runtime.ts'),
      import('./seed-demo.ts'),
      import('../platform/actor.ts'),
      import('../modules/kernel/index.ts'),
    ]);
  // The mail is read before the database starts: a missing file fails at once.
  const raw = command === 'mail:receive' ? await readMail(args) : undefined;
  const runtime = await startRuntime('owner-or-attach', { LOG_LEVEL: 'warn' });
  try {
    switch (command) {
      case 'db:migrate':
        console.log(JSON.stringify({ migrated: true }));
        break;
      case 'seed:demo': {
        const existing = await runtime.services.org.findOrgBySlug(DEMO_ORG_SLUG);
        if (existing) {
          console.log(
            JSON.stringify({
              seeded: false,
              reason: 'the demo org already exists',
              org: existing.slug,
            }),
          );
        } else {
          console.log(JSON.stringify({ seeded: true, ...(await seedDemo(runtime)) }));
        }
        break;
      }
      case 'org:create': {
        const org = await runtime.services.provisioning.provisionOrg({
          slug: required(args, 'slug'),
          name: required(args, 'name'),
        });
        console.log(JSON.stringify(org));
        break;
      }
      case 'api-key:create': {
        const org = await runtime.services.org.findOrgBySlug(required(args, 'org'));
        if (!org) throw new CliError('no org with that slug');
        const role = flag(args, 'role');
        if (role !== undefined && !isRole(role))
          throw new CliError(`--role is one of ${roles.join(', ')}`);
        const name = required(args, 'name');
        if (name.length > 200) throw new CliError('--name is at most 200 characters');
        const { key, token } = await runtime.services.auth.createApiKey(
          org.id,
          systemActor,
          name,
          role,
        );
        console.log(JSON.stringify({ key: token, id: key.id, name: key.name, role: key.role }));
        break;
      }
      case 'mail:receive': {
        const result = await runtime.services.channels.receive(
          required(args, 'org'),
          raw ?? Buffer.alloc(0),
          'cli',
        );
        console.log(JSON.stringify(result));
        break;
      }
      case 'user:create': {
        const org = await runtime.services.org.findOrgBySlug(required(args, 'org'));
        if (!org) throw new CliError('no org with that slug');
        const user = await runtime.services.org.createUser(org.id, systemActor, {
          email: required(args, 'email'),
          name: required(args, 'name'),
          role: required(args, 'role'),
          password: required(args, 'password'),
          locale: 'vi',
        });
        console.log(JSON.stringify(user));
        break;
      }
    }
    return 0;
  } finally {
    await runtime.database.close();
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`ombud: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof CliError ? 2 : 1);
  });
