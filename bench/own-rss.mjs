// Preloaded into our CLI by the bench: prints the process's own peak RSS at exit, so a child it runs (etcdutl
// maps the whole snapshot) does not count as ours the way /usr/bin/time's figure for the process tree does.
// With BENCH_RSS_TRACE=1 it also prints each new peak (8 MiB steps) as it happens, between the CLI's own log
// lines on stderr, so a profile shows which step grew the memory.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nbench-own-max-rss-kib ${usage.maxRSS}\n`);
  // The process's own CPU time (all its threads), beside the machine's, which includes the node's side.
  process.stderr.write(`bench-own-cpu-us ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
});
if (process.env.BENCH_RSS_TRACE) {
  const started = Date.now();
  let peak = 0;
  setInterval(() => {
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    if (rss < peak + 8 * 2 ** 20) return;
    peak = rss;
    const mib = (n) => (n / 2 ** 20).toFixed(0);
    process.stderr.write(
      `bench-rss ${mib(rss)} MiB (heap ${mib(heapUsed)}, external ${mib(external)}, buffers ${mib(arrayBuffers)}) at ${Date.now() - started} ms\n`,
    );
  }, 100).unref();
}
