import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory (MB) of the chromium renderer processes now (the tab and its workers), from /proc. */
export function rendererRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium') || !cmd.includes('--type=renderer')) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

/** Samples `rendererRssMb` every 100 ms until stopped; returns the peak. */
export function watchPeak(): () => number {
  let peak = rendererRssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rendererRssMb());
  };
}
