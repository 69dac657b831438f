// The server issue's conformance suite, unchanged, against fronts in Redis mode: tokens,
// counts, results, uploads and the queue in Redis, the engine on a node host.
import { conformanceSuite } from '../server/conformance-suite.js';
import { redisHarness } from './redis-helpers.js';

conformanceSuite(redisHarness());
