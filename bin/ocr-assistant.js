#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node
// The package's command. The sources are TypeScript; tsx compiles them on load, so the
// command always runs exactly the code in app/ (no stale build to forget).
//
// MALLOC_ARENA_MAX (read by glibc at start, so set on the line above): glibc gives each
// thread that allocates (onnxruntime's, libuv's, the Tesseract worker's) an arena of its own,
// and each keeps what it once held. Two arenas took the CLI's peak over the bench from
// 560 MB to 480 MB at the same speed (measured). Other C libraries ignore the variable.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
