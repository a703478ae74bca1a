// CPU time per process of the bench's process tree (Linux: /proc/<pid>/task/*/schedstat, run
// time in nanoseconds summed over threads), to show how a stream's work is shared between the
// emulator, the host and the browser on a small machine. Empty where /proc is missing.
import fs from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  let dirs: string[] = [];
  try {
    dirs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const d of dirs) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid, cmd: fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // Exited meanwhile.
    }
  }
  return out;
}

function runNs(pid: number): number {
  let sum = 0;
  try {
    for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        sum += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // Thread exited meanwhile.
      }
    }
  } catch {
    // Process exited meanwhile.
  }
  return sum;
}

function label(p: Proc): string {
  if (p.pid === process.pid) return 'bench + emulator';
  if (/web\/cli\.mjs/.test(p.cmd)) return 'host';
  const type = /--type=([\w-]+)/.exec(p.cmd)?.[1];
  if (type === 'utility' && /NetworkService/.test(p.cmd)) return 'browser network';
  if (type) return `browser ${type}`;
  if (/chrom/i.test(p.cmd)) return 'browser';
  return 'other';
}

export type CpuSnapshot = Map<number, { label: string; ns: number }>;

/** Run time of this process and every descendant, now. */
export function cpuSnapshot(): CpuSnapshot {
  const all = processes();
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: CpuSnapshot = new Map();
  const walk = (p: Proc) => {
    out.set(p.pid, { label: label(p), ns: runNs(p.pid) });
    for (const c of children.get(p.pid) ?? []) walk(c);
  };
  const self = all.find((p) => p.pid === process.pid);
  if (self) walk(self);
  return out;
}

/** CPU milliseconds per label between two snapshots (processes that exited meanwhile are missed; new ones count from 0). */
export function cpuDelta(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [pid, v] of b) {
    const ms = (v.ns - (a.get(pid)?.ns ?? 0)) / 1e6;
    if (v.label === 'other' && ms === 0) continue;
    out[v.label] = Math.round(((out[v.label] ?? 0) + ms) * 10) / 10;
  }
  return out;
}
