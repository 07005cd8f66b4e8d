import { SandboxError } from './errors';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
};

/** '1GiB', '512MiB', '1.5G', '200000000' → bytes (K/M/G and KiB/MiB/GiB are binary; kB/MB/GB decimal). */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new SandboxError(`--fill '${text}': expected a size like 512MiB, 1GiB or 200000000`);
  }
  return Math.round(Number(m[1]) * unit);
}
