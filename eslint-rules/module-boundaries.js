// The shape of the house, held by the linter (see the README's architecture section):
// - a module reaches another only through its index.ts (or its contract, the zod schemas the
//   web app shares); entry points also load a module's *.cli.ts;
// - platform/ has no business rules, so it imports no module;
// - domain/ folders do no I/O: their values come only from other domain code, the kernel,
//   contracts and pure helpers (types may come from anywhere).
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// node:crypto for HMAC and hashes: functions of their input (a webhook's signature check).
const pureDomainPackages = ['zod', 'libphonenumber-js', 'vitest', 'fast-check', 'node:crypto'];
const pureHelpers = [
  'src/platform/contract/',
  'src/platform/i18n.ts',
  'src/platform/private-address.ts',
  'src/platform/local-day.ts',
];

const moduleOf = (rel) => rel.match(/^src\/modules\/([^/]+)\/(.+)$/);

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Modules meet only through their public faces; domain code does no I/O.' },
    schema: [],
    messages: {
      deepImport:
        'Reach module "{{to}}" only through its index.ts (or {{to}}.contract.ts), not {{file}}.',
      platformImportsModule: 'platform/ has no business rules: it imports no module ({{file}}).',
      domainIo:
        'A domain file does no I/O: import only domain code, the kernel, contracts and pure helpers ({{file}}).',
    },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (!file.startsWith('src/')) return {};
    const from = moduleOf(file);
    const isDomain = /\/domain\//.test(file);
    const isEntrypoint = file.startsWith('src/entrypoints/');

    function check(node, source, isTypeOnly) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (isDomain && !isTypeOnly) {
          const bare = source.startsWith('@')
            ? source.split('/').slice(0, 2).join('/')
            : source.split('/')[0];
          if (!pureDomainPackages.includes(bare))
            context.report({ node, messageId: 'domainIo', data: { file: source } });
        }
        return;
      }
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const to = moduleOf(target);
      if (to && file.startsWith('src/platform/'))
        context.report({ node, messageId: 'platformImportsModule', data: { file: target } });
      if (to && (!from || from[1] !== to[1])) {
        const rest = to[2];
        const isPublic =
          rest === 'index.ts' ||
          rest === `${to[1]}.contract.ts` ||
          (isEntrypoint && rest.endsWith('.cli.ts'));
        if (!isPublic)
          context.report({ node, messageId: 'deepImport', data: { to: to[1], file: target } });
      }
      if (isDomain && !isTypeOnly) {
        const sameDomain =
          from &&
          to &&
          from[1] === to[1] &&
          (to[2].startsWith('domain/') || to[2].endsWith('.contract.ts'));
        const allowed =
          sameDomain ||
          (to && to[1] === 'kernel') ||
          target.endsWith('.contract.ts') ||
          pureHelpers.some((p) => target.startsWith(p));
        if (!allowed) context.report({ node, messageId: 'domainIo', data: { file: target } });
      }
    }

    const typeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 &&
        node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnly(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default { rules: { 'module-boundaries': moduleBoundaries } };
