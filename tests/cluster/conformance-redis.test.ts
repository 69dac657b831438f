// The server issue's conformance suite, unchanged, against fronts in Redis mode: tokens,
// counts, results, uploads and the queue in Redis, the engine on a node host.
import { describe, it } from 'vitest';
import { conformanceSuite } from '../server/conformance-suite.js';
import { redisHarness, redisMissing } from './redis-helpers.js';

if (redisMissing) describe.skip(`the Open API on Redis: ${redisMissing}`, () => it.skip('needs redis-server'));
else conformanceSuite(redisHarness());
