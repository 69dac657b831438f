// What happens when an engine node has answered a job, wherever that is: the result gets its
// files, is stored for idcode, and the request's unit of quota is counted (a success) or
// freed. On one machine the front does this; with Redis the node does, so a front that dies
// while a client waits loses nothing: the result is there for idcode on any other front.
import { State, type OcrResponse } from '../protocol/index.js';
import type { JobContext, ResultKeeper, TokenAuthority } from './backend.js';
import type { ResultFiles } from './result-files.js';

export class JobFinisher {
  constructor(
    private readonly results: ResultKeeper,
    private readonly tokens: TokenAuthority,
    private readonly files: ResultFiles,
  ) {}

  async finish(response: OcrResponse, image: Uint8Array, context: JobContext): Promise<OcrResponse> {
    const answered = await this.files.attach(response, image, context.origin, context.resultTtlMs);
    await this.results.put(context.account, answered, context.resultTtlMs);
    await this.tokens.settle(context.account, response.id, answered.state === State.done);
    return answered;
  }
}
