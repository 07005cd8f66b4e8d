// Rebuilds dist/ from the sources: one ncc bundle per entry point. CI compares the result with what is committed.
// Type checking is `npm run typecheck`'s job; ncc only transpiles (it would otherwise check every file in the project).
// With --if-changed (the demo's way) it does nothing when dist/ is already built from these very sources.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'package-lock.json', 'tsconfig.json', 'scripts/bundle.mjs'];
const STAMP = 'node_modules/.cache/etcd-backup-action/bundle-inputs.sha256';

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** One digest of every input the bundles are built from, by path and content. */
function inputsDigest() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) hash.update(`${file}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** dist/ as committed, from sources as committed: CI holds those equal, so there is nothing to build. */
function committedAndClean() {
  try {
    execFileSync('git', ['diff', '--quiet', 'HEAD', '--', ...INPUTS, 'dist'], { stdio: 'ignore' });
    return (
      execFileSync('git', ['status', '--porcelain', '--', ...INPUTS, 'dist'], { encoding: 'utf8' }) === ''
    );
  } catch {
    return false;
  }
}

const digest = inputsDigest();
if (process.argv.includes('--if-changed')) {
  const built = existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest;
  if (existsSync('dist/cli/index.js') && (built || committedAndClean())) process.exit(0);
  console.error('bundle: the sources changed since dist/ was built: rebuilding it (about a minute)');
}

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

mkdirSync(join(STAMP, '..'), { recursive: true });
writeFileSync(STAMP, digest);
