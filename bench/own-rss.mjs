// Preloaded into our CLI by the bench: prints the process's own peak RSS at exit, so a child it runs (etcdutl
// maps the whole snapshot) does not count as ours the way /usr/bin/time's figure for the process tree does.
process.on('exit', () => {
  process.stderr.write(`\nbench-own-max-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
