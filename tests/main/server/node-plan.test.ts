import { describe, expect, it } from 'vitest';
import { embeddedNodePlan, nodeMemoryBytes } from '../../../main/server/node-plan.js';

const GB = 1024 ** 3;

describe('the embedded server sizes its engine nodes from the machine', () => {
  it.each([
    // cores, free memory, nodes, threads per node
    [1, 8 * GB, 1, 1],
    [2, 16 * GB, 1, 2],
    [4, 16 * GB, 1, 4],
    [8, 16 * GB, 2, 4],
    [16, 32 * GB, 4, 4],
    [64, 64 * GB, 16, 4],
  ])('%i cores and %i bytes free: %i nodes of %i threads', (cores, freeBytes, nodes, threadsPerNode) => {
    expect(embeddedNodePlan({ cores, freeBytes })).toEqual({ nodes, threadsPerNode });
  });

  it('starts no more nodes than half the free memory holds, and always one', () => {
    expect(embeddedNodePlan({ cores: 16, freeBytes: 4 * nodeMemoryBytes }).nodes).toBe(2);
    expect(embeddedNodePlan({ cores: 16, freeBytes: 100 * 1024 * 1024 }).nodes).toBe(1);
  });
});
