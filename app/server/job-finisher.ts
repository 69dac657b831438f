// What happens when an engine node has answered a job, wherever that is: the result gets its
// files, the request's unit of quota is counted (a success) or freed, and the result is stored
// for idcode. On one machine the front does this; with Redis the node does, so a front that dies
// while a client waits loses nothing: the result is there for idcode on any other front.
//
// The count comes before the store, and a count that cannot be written (a full disk) turns the
// answer into state 3 before anything is stored: op=code and idcode always tell the same story,
// and no result is handed out uncounted.
import { cancelledMessage, failedResponse, State, type OcrResponse } from '../protocol/index.js';
import type { JobContext, ResultKeeper, TokenAuthority } from './backend.js';
import type { ResultFiles } from './result-files.js';
import { withTranslation, type Translation } from './translation/index.js';

/**
 * A job is charged when it read the image, or when it held an engine node for the whole
 * deadline (state 4): otherwise an image built to run out the clock would cost its sender nothing.
 * So is one cancelled once a node had begun it (the answer names the node): its lines may have
 * been read through progress=1 already, and a cancel just before the end would read for free.
 */
export const isCharged = (response: OcrResponse) =>
  response.state === State.done ||
  response.state === State.timedOut ||
  (response.state === State.failed && response.message === cancelledMessage && response.processName !== undefined);

export class JobFinisher {
  constructor(
    private readonly results: ResultKeeper,
    private readonly tokens: TokenAuthority,
    private readonly files: ResultFiles,
    /** The translator for `trans=`, when the operator named one. */
    private readonly translation?: Translation,
  ) {}

  async finish(response: OcrResponse, image: Uint8Array, context: JobContext): Promise<OcrResponse> {
    // Translated before anything is stored: op=code and idcode give the same answer. The
    // translation has its own deadline; past it the answer says so and goes out untranslated.
    const translated = context.trans ? await withTranslation(response, context.trans, this.translation) : response;
    let answered = await this.files.attach(translated, image, context.origin, context.resultTtlMs, context.sourceName);
    try {
      await this.tokens.settle(context.account, response.id, isCharged(answered));
    } catch (error) {
      answered = failedResponse(
        response.ocrType,
        State.failed,
        `the result could not be recorded (${(error as Error).message}); it was not counted: try again`,
        undefined,
        response.id,
      );
    }
    await this.results.put(context.account, answered, context.resultTtlMs);
    return answered;
  }
}
