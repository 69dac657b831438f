// The Open API as shared/API.md describes it, row by row, through inject(), against the
// single-machine server. The same suite runs against a front over Redis (tests/cluster).
import { conformanceSuite } from './conformance-suite.js';
import { localHarness } from './server-helpers.js';

conformanceSuite(localHarness(2));
