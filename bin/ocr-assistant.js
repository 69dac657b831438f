#!/usr/bin/env node
// The package's command. The sources are TypeScript; tsx compiles them on load, so the
// command always runs exactly the code in app/ (no stale build to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
