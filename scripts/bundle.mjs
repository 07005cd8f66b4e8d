// Rebuilds dist/ from the sources: one ncc bundle per entry point. CI compares the result with what is committed.
// Type checking is `npm run typecheck`'s job; ncc only transpiles (it would otherwise check every file in the project).
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

// Some bundled CommonJS code (ssh2's poly1305 module) reads __dirname and require, which an ESM bundle lacks.
const banner =
  "import { createRequire as __cr } from 'node:module';import { fileURLToPath as __fu } from 'node:url';" +
  "import { dirname as __dn } from 'node:path';const require = __cr(import.meta.url);" +
  'const __filename = __fu(import.meta.url);const __dirname = __dn(__filename);\n';

const entries = {
  backup: 'src/actions/backup/index.ts',
  post: 'src/actions/post/index.ts',
  restore: 'src/actions/restore/index.ts',
  drill: 'src/actions/drill/index.ts',
  cli: 'src/cli/index.ts',
};

for (const [name, entry] of Object.entries(entries)) {
  const out = `dist/${name}`;
  rmSync(out, { recursive: true, force: true });
  const args = [
    'build',
    entry,
    '-o',
    out,
    '--license',
    'licenses.txt',
    '--quiet',
    '--target',
    'es2024',
    '--transpile-only',
  ];
  execFileSync('ncc', args, { stdio: 'inherit' });
  // The entry and every chunk it imports on demand (e.g. one per CLI verb) are ES modules that need the banner.
  for (const chunk of readdirSync(out).filter((f) => f.endsWith('.js'))) {
    const file = `${out}/${chunk}`;
    // The CLI's entry is the `etcd-backup` command of an `npm install -g`: it needs its interpreter line.
    const shebang = name === 'cli' && chunk === 'index.js' ? '#!/usr/bin/env node\n' : '';
    writeFileSync(file, shebang + banner + readFileSync(file, 'utf8'));
    if (shebang) chmodSync(file, 0o755);
  }
}
