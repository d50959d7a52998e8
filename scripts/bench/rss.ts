// Samples the resident memory of the process that serves requests. startHindsight spawns the start
// script (tsx) which spawns `next start` (retitled "next-server"); the child holds the app, the write
// queue and the database connection, so that is the process whose RSS the 400 MB target is about.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type RssReport = { pid: number; peakRssMb: number; hwmMb: number | null; samples: number; cpuSeconds: number | null };

/** Direct children of a process, from /proc (falls back to pgrep when /proc has no children files). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    try {
      return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  }
}

/** The command line (`next start` renames itself, so /proc/<pid>/cmdline reads "next-server (v…)"). */
export const commandOf = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();

/** The `next start` process below `rootPid` (depth-first), or rootPid itself when there is none. */
export function findServerPid(rootPid: number): number {
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      if (pid !== rootPid && /next-server|next\/dist\/bin\/next start|next start/.test(commandOf(pid))) return pid;
    } catch {
      continue; // exited meanwhile
    }
    stack.push(...childrenOf(pid));
  }
  return rootPid;
}

/** A field of /proc/<pid>/status in MB (the kernel reports kB). */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * User + system CPU seconds the process has used (/proc/<pid>/stat fields 14 and 15, in clock ticks,
 * 100 per second on Linux). On a shared machine this tells "the server was slow" from "the server
 * did not get the CPU".
 */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the command name may contain spaces
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Starts sampling VmRSS every `intervalMs`; stop() returns the peak, the kernel's high-water mark and the CPU used meanwhile. */
export function sampleRss(pid: number, intervalMs = 200): { stop(): RssReport } {
  let peak = 0;
  let samples = 0;
  const sample = () => {
    const mb = statusMb(pid, "VmRSS");
    if (mb !== null) {
      peak = Math.max(peak, mb);
      samples += 1;
    }
  };
  sample();
  const cpuAtStart = cpuSecondsOf(pid);
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const cpuNow = cpuSecondsOf(pid);
      const cpuSeconds = cpuAtStart === null || cpuNow === null ? null : cpuNow - cpuAtStart;
      return { pid, peakRssMb: peak, hwmMb: statusMb(pid, "VmHWM"), samples, cpuSeconds };
    },
  };
}
