// How many engine nodes the embedded server starts, and how many model threads each gets.
// A desktop user waits for one capture at a time: a node's model threads are what make that
// capture fast (on 2 cores, a full-HD capture took 1.7-2.1 s with 2 threads, 2.4 s with 1;
// the former fixed plan of 2 nodes gave each node 1 thread), so threads come first, up to 4
// (past that these models speed up little), and nodes share the remaining cores for the
// captures, clipboard reads and batches that come at once. Each node holds its own models (~450 MB with the
// second reader's data): nodes are also bounded by half the memory free at launch.

export interface NodePlan {
  nodes: number;
  threadsPerNode: number;
}

/** What one engine node holds resident, measured with models and Tesseract's data loaded. */
export const nodeMemoryBytes = 450 * 1024 * 1024;
const maxThreadsPerNode = 4;

export function embeddedNodePlan(machine: { cores: number; freeBytes: number }): NodePlan {
  const cores = Math.max(1, Math.floor(machine.cores));
  const threadsPerNode = Math.min(maxThreadsPerNode, cores);
  const byCores = Math.max(1, Math.floor(cores / threadsPerNode));
  const byMemory = Math.max(1, Math.floor(machine.freeBytes / 2 / nodeMemoryBytes));
  return { nodes: Math.min(byCores, byMemory), threadsPerNode };
}
