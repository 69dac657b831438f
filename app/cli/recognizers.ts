// The two ways `recognize` can read an image: the engine in this process, or an Open API
// server through the client. Both yield the same Open API response for the same image.
import { OcrEngine } from '../engine/engine.js';
import { languageSetting } from '../engine/config.js';
import { processInfo, type OcrResponse, type OcrType, type RecognizeOptions } from '../protocol/index.js';
import { recognize } from '../server/image-to-response.js';
import { OcrClient, OcrClientError } from '../client/index.js';
import { withTranslation, type Translation } from '../server/translation/index.js';

export interface Recognizer {
  /** Resolves with the response, whatever its state; rejects only when there is none to give. */
  /** `trans`: the language to translate into, or undefined for none. */
  recognize(image: Uint8Array, type: OcrType, options: RecognizeOptions, trans?: string): Promise<OcrResponse>;
  close(): Promise<void>;
  /** Model load time (in-process only). */
  loadMs?: number;
}

export async function inProcessRecognizer(
  threads?: number,
  language?: string,
  /** The translator for --translate, when one was named. */
  translation?: Translation,
): Promise<Recognizer> {
  const engine = await OcrEngine.load({
    config: {
      ...languageSetting(language ?? process.env.OCR_ASSISTANT_LANGUAGE),
      ...(threads ? { runtime: { intraOpThreads: threads } } : {}),
    },
  });
  return {
    loadMs: engine.loadMs,
    recognize: async (image, type, options, trans) => {
      const { response } = await recognize(engine, { image, type, options }, processInfo(0));
      return trans ? withTranslation(response, trans, translation) : response;
    },
    close: () => engine.dispose(),
  };
}

export function remoteRecognizer(baseUrl: string, token: string): Recognizer {
  const client = new OcrClient({ baseUrl, token });
  return {
    async recognize(image, type, options, trans) {
      try {
        return await client.recognize(image, { type, options, trans });
      } catch (error) {
        // A refusal or failure that came with a response is printed as that response.
        if (error instanceof OcrClientError && error.response) return error.response;
        throw error;
      }
    },
    close: async () => {},
  };
}
