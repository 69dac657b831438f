// Memory of a process and its children, sampled from /proc (Linux): the server's engine nodes
// are child processes, so the server's own RSS alone would hide most of its memory.
import { readFileSync, readdirSync } from 'node:fs';

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed) children.push(...listed.split(/\s+/).map(Number));
    }
  } catch {
    // the process is gone
  }
  return children;
}

/** Samples until stop(); returns the peaks in MB of the root alone and of root plus descendants. */
export function sampleTreeMemory(rootPid: number, everyMs: number): { stop(): { root: number; tree: number } } {
  let root = 0;
  let tree = 0;
  const sample = () => {
    const pids = [rootPid];
    for (let i = 0; i < pids.length; i++) pids.push(...childrenOf(pids[i]!));
    const own = rssMb(rootPid);
    root = Math.max(root, own);
    tree = Math.max(
      tree,
      pids.reduce((sum, pid) => sum + rssMb(pid), 0),
    );
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { root: Math.round(root), tree: Math.round(tree) };
    },
  };
}
