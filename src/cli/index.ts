// Nothing is imported before this check: the modules behind `main` need Node 24 (zstd in node:zlib, among
// others) and would fail later with a cryptic error on an older Node.
const REQUIRED_MAJOR = 24;

if (Number(process.versions.node.split('.')[0]) < REQUIRED_MAJOR) {
  process.stderr.write(
    `etcd-backup needs Node ${REQUIRED_MAJOR} or newer, not ${process.version} (${process.execPath}): install Node ${REQUIRED_MAJOR}, or in a clone after npm install run: npx node dist/cli/index.js <command>\n`,
  );
  process.exitCode = 1;
} else {
  const { main } = await import('./main');
  process.exitCode = await main(process.argv.slice(2));
}

export {};
