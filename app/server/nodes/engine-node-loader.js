// An engine node process's entry: nodes are TypeScript, and a forked process does not
// inherit the server's tsx hooks, so each node registers tsx itself before loading its code.
import { register } from 'tsx/esm/api';

register();
await import('./engine-node.ts');
