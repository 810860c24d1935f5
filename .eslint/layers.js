// The layers of src/ and what each may import: the one place the architecture is written down as a rule.
// A folder imports only from itself and the folders listed; `type:` entries may be imported for their types
// only (the page knows the session's API, but the session runs in the worker). Tests are not checked.
import { dirname, relative, resolve, sep } from 'node:path';

export const LAYERS = {
  defaults: [],
  format: [],
  core: [],
  parse: ['core'],
  sections: ['format', 'defaults', 'core', 'parse'],
  planning: ['format', 'defaults', 'core', 'parse', 'sections'],
  views: ['format', 'defaults', 'core', 'parse', 'sections'],
  report: ['format', 'defaults', 'core', 'parse', 'sections'],
  summary: ['format', 'defaults', 'core', 'parse', 'sections', 'views'],
  charts: ['format', 'defaults', 'core', 'parse', 'sections', 'planning', 'views', 'report'],
  render: ['format', 'defaults', 'core', 'parse', 'sections', 'planning', 'views', 'report', 'charts'],
  session: ['format', 'defaults', 'core', 'parse', 'sections', 'planning', 'views', 'report', 'summary', 'render'],
  sql: ['core', 'parse', 'summary'],
  offline: [],
  cli: [
    'defaults',
    'format',
    'core',
    'parse',
    'sections',
    'planning',
    'views',
    'report',
    'summary',
    'charts',
    'render',
    'session',
    'sql',
  ],
  app: [
    'defaults',
    'format',
    'core',
    'parse',
    'sections',
    'planning',
    'views',
    'report',
    'charts',
    'render',
    'workers',
    'type:session',
  ],
  workers: ['session'],
  main: ['app', 'offline'],
};

const ROOT = resolve(import.meta.dirname, '..');

/** The layer of a file: its folder under src/ (`src/defaults.ts` → defaults, `src/main.ts` → main), or workers. */
export function layerOf(file) {
  const parts = relative(ROOT, file).split(sep);
  if (parts[0] === 'workers') return 'workers';
  if (parts[0] !== 'src') return null;
  if (parts.length === 2) return parts[1].replace(/\.(svelte\.)?ts$/, '');
  return parts[1];
}

/** Why `from` may not import `to` (null when it may); `typeOnly`: the import brings types only. */
export function violation(from, to, typeOnly) {
  if (!from || !to || from === to) return null;
  const allowed = LAYERS[from];
  if (!allowed) return `src/${from} is not a layer in .eslint/layers.js: add it there`;
  if (!LAYERS[to]) return null; // outside src/ (package.json): not a layer
  if (allowed.includes(to) || (typeOnly && allowed.includes(`type:${to}`))) return null;
  if (allowed.includes(`type:${to}`)) return `src/${from} may import only types from src/${to} (use \`import type\`)`;
  return `src/${from} may not import from src/${to} (allowed: ${allowed.join(', ') || 'nothing'}; see .eslint/layers.js)`;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'imports follow the layers of src/ (.eslint/layers.js)' }, schema: [] },
  create(context) {
    const from = layerOf(context.filename);
    const check = (node, spec, typeOnly) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const problem = violation(from, layerOf(resolve(dirname(context.filename), spec)), typeOnly);
      if (problem) context.report({ node, message: problem });
    };
    const typeOnlyDeclaration = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyDeclaration(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, typeOnlyDeclaration(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.source?.value, true),
      NewExpression: (node) => {
        const [first, second] = node.arguments;
        if (
          node.callee.name === 'URL' &&
          first?.type === 'Literal' &&
          second?.type === 'MemberExpression' &&
          second.object.type === 'MetaProperty'
        )
          check(node, first.value, false);
      },
    };
  },
};

export const layersPlugin = { rules: { imports: rule } };
