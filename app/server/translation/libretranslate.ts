// LibreTranslate's documented API: GET /languages (`[{code, name, targets}]`), POST /translate
// with JSON `{q, source, target, format, api_key?}`, where `q` may be a list and so is the
// answer's `translatedText`. Codes are ISO 639-1 (`zh-Hant` for Traditional Chinese).
import {
  defaultTranslatorLimits,
  exchange,
  knownPair,
  TranslatorError,
  type LanguagePair,
  type Translator,
  type TranslatorLimits,
} from './translator.js';

export class LibreTranslateTranslator implements Translator {
  readonly description: string;
  private readonly base: string;

  constructor(
    url: string,
    private readonly apiKey?: string,
    private readonly limits: TranslatorLimits = defaultTranslatorLimits,
  ) {
    this.base = url.replace(/\/+$/, '');
    this.description = `LibreTranslate at ${this.base}`;
  }

  async pairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    const answer = await exchange(`${this.base}/languages`, {}, this.limits, signal);
    if (!Array.isArray(answer)) throw new TranslatorError('its /languages answer is not a list');
    return (answer as { code?: string; targets?: string[] }[]).flatMap((language) =>
      (language.targets ?? [])
        .map((target) => knownPair(language.code ?? '', target))
        .filter((p): p is LanguagePair => p !== undefined),
    );
  }

  async translate(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<string[]> {
    if (!texts.length) return [];
    const body = JSON.stringify({
      q: texts,
      source: pair.source.iso1,
      target: pair.target.iso1,
      format: 'text',
      ...(this.apiKey && { api_key: this.apiKey }),
    });
    const answer = (await exchange(
      `${this.base}/translate`,
      { method: 'POST', body, headers: { 'content-type': 'application/json' } },
      this.limits,
      signal,
    )) as { translatedText?: unknown };
    const translated = answer.translatedText;
    if (
      !Array.isArray(translated) ||
      translated.length !== texts.length ||
      !translated.every((t) => typeof t === 'string')
    )
      throw new TranslatorError(`it did not answer one translation per text`);
    return translated as string[];
  }
}
