/**
 * The layout rules of CONTRIBUTING.md's Layout section that ESLint does not check: no folder under src/
 * holds more than 15 files, there are no barrel index.ts files, and the domain folders of each
 * layer import each other without a cycle (value imports; `import type` does not count).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const src = resolve(__dirname, '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Module → the modules it imports values from (`import type` does not count). */
function moduleGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = relative(src, file);
    graph.set(from, new Set());
    for (const match of readFileSync(file, 'utf8').matchAll(/^import (?!type\b)[^'"]*from '(\.[^']+)'/gm)) {
      graph.get(from)!.add(relative(src, resolve(dirname(file), match[1]!)) + '.ts');
    }
  }
  return graph;
}

/**
 * Domain folder (with its sub-folders) → the other domain folders it imports values from. A layer's own folder (`src/cli`,
 * `src/aws`, …) holds its entry point and the pieces every domain shares, so it is left out here;
 * the module graph above covers it.
 */
/** `vscode/wizard/steps/profileStep.ts` → `vscode/wizard`: a domain's sub-rooms are the domain. */
function domainOf(module: string): string {
  return dirname(module).split('/').slice(0, 2).join('/');
}

function folderGraph(modules: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [module, imports] of modules) {
    const from = domainOf(module);
    for (const imported of imports) {
      const to = domainOf(imported);
      if (to === from || !from.includes('/') || !to.includes('/')) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('source layout', () => {
  const files = sourceFiles(src);

  it('keeps every folder under src/ at 15 files or fewer', () => {
    const counts = new Map<string, number>();
    for (const file of files) counts.set(dirname(file), (counts.get(dirname(file)) ?? 0) + 1);
    const crowded = [...counts].filter(([, count]) => count > 15).map(([folder, count]) => `${relative(src, folder)}: ${count}`);
    assert.deepEqual(crowded, []);
  });

  it('has no barrel index.ts', () => {
    assert.deepEqual(files.filter((file) => file.endsWith('/index.ts')).map((file) => relative(src, file)), []);
  });

  it('imports between modules, and between domain folders, without a cycle', () => {
    const modules = moduleGraph(files);
    assert.ok(modules.size > 100, `read ${modules.size} modules`);
    assert.equal(findCycle(modules)?.join(' -> '), undefined);
    const folders = folderGraph(modules);
    assert.ok(folders.get('core/policy')?.has('core/models'), 'core/policy imports core/models');
    assert.equal(findCycle(folders)?.join(' -> '), undefined);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    assert.deepEqual(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]])), ['a', 'b', 'c', 'a']);
  });
});
