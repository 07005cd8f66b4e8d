import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ARCHITECTURE = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** The rules table of docs/ARCHITECTURE.md: each module and the modules it may import. */
function documentedRules(): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  const table = /<!-- import rules -->([\s\S]*?)<!-- end of import rules -->/.exec(ARCHITECTURE)?.[1] ?? '';
  for (const row of table.split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    const module = /^`([\w./-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!module) continue;
    rules.set(module, new Set([...(cells[2] ?? '').matchAll(/`([\w./-]+)`/g)].map((m) => m[1]!)));
  }
  return rules;
}

function sourceFiles(dir = 'src'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The src files a file imports (type-only imports and re-exports too). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const base = posix.normalize(posix.join(posix.dirname(file), name));
      const found = [`${base}.ts`, posix.join(base, 'index.ts')].find((p) => existsSync(join(ROOT, p)));
      if (!found) throw new Error(`${file}: cannot resolve '${name}'`);
      return found;
    });
}

/**
 * `src/restore/plan.ts` → `restore`; a file at the top (`src/errors.ts`) is a module of its own: `errors`; so is
 * a file the table names by its path (`options/naming` for `src/options/naming.ts`).
 */
const moduleOf = (file: string) => {
  const own = file.replace(/^src\//, '').replace(/\.ts$/, '');
  return RULES.has(own) ? own : own.split('/')[0]!;
};

const RULES = documentedRules();
const graph = new Map(sourceFiles().map((file) => [file, importsOf(file)]));

/** Every cycle (strongly connected set of two or more files, or a file importing itself). */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(file, Math.min(low.get(file)!, low.get(dep)!));
      } else if (stack.includes(dep)) {
        low.set(file, Math.min(low.get(file)!, index.get(dep)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('the module rules of docs/ARCHITECTURE.md', () => {
  const rules = RULES;

  it('name every module under src, and only those', () => {
    expect(rules.size).toBeGreaterThan(0);
    expect([...new Set([...graph.keys()].map(moduleOf))].sort()).toEqual([...rules.keys()].sort());
  });

  it('allow every import between modules that src makes', () => {
    const against: string[] = [];
    for (const [file, deps] of graph) {
      const allowed = rules.get(moduleOf(file)) ?? new Set();
      for (const dep of deps)
        if (moduleOf(dep) !== moduleOf(file) && !allowed.has(moduleOf(dep))) against.push(`${file} → ${dep}`);
    }
    expect(against).toEqual([]);
  });

  it('leave no import cycle in src, between files', () => {
    expect(cycles()).toEqual([]);
  });

  it('form no cycle themselves, so modules cannot import each other in a circle', () => {
    const seen = new Set<string>();
    const path: string[] = [];
    const circles: string[] = [];
    const visit = (module: string) => {
      if (path.includes(module)) circles.push([...path, module].join(' → '));
      if (seen.has(module)) return;
      seen.add(module);
      path.push(module);
      for (const next of rules.get(module) ?? []) visit(next);
      path.pop();
    };
    for (const module of rules.keys()) visit(module);
    expect(circles).toEqual([]);
  });

  it('point only at files that exist', () => {
    const named = [...ARCHITECTURE.matchAll(/`(src\/[\w./-]+\.ts)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});

// Keeps the helpers honest: a cycle put together here is found.
describe('the cycle finder', () => {
  it('finds a cycle of two files', () => {
    graph.set('src/x/a.ts', ['src/x/b.ts']);
    graph.set('src/x/b.ts', ['src/x/a.ts']);
    try {
      expect(cycles()).toContainEqual(['src/x/a.ts', 'src/x/b.ts']);
    } finally {
      graph.delete('src/x/a.ts');
      graph.delete('src/x/b.ts');
    }
  });
});
