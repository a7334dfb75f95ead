import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

/**
 * CPU time, from /proc, for benchmarks on a shared machine: a figure in requests per second
 * depends on what else runs; CPU milliseconds per request, and how busy the machine was, say
 * whether the code got slower or the machine got busier.
 */
const TICKS_PER_SECOND = 100; // USER_HZ

type ProcStat = { ppid: number; own: number; children: number };

function procStat(pid: number): ProcStat {
  try {
    // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based from the pid.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return { ppid: Number(fields[1]), own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, children: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND };
  } catch {
    return { ppid: -1, own: 0, children: 0 };
  }
}

/** CPU seconds of a process so far, all its threads (a server's worker threads included). */
export function processCpuSeconds(pid: number): number {
  return procStat(pid).own;
}

/** CPU seconds the whole machine has been busy so far, and its number of cores. */
export function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number) as number[];
  return (user! + nice! + system! + irq! + softirq!) / TICKS_PER_SECOND;
}

/** CPU seconds of one PostgreSQL server so far: its postmaster and every backend, live and reaped. */
export async function postgresCpuSeconds(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  let postmaster: number;
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    postmaster = procStat(rows[0]!.pid).ppid;
  } finally {
    await client.end();
  }
  if (postmaster <= 0) return 0;
  const main = procStat(postmaster);
  let total = main.own + main.children;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat.ppid === postmaster) total += stat.own;
  }
  return total;
}
