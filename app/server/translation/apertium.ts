// Apertium's APY (Debian's apertium-apy): GET /listPairs, POST /translate with
// `langpair=eng|spa` and `q`. Pairs are named in ISO 639-3. APY keeps line breaks, so the
// texts of one call go in one request, a line each, and come back a line each.
import {
  defaultTranslatorLimits,
  exchange,
  knownPair,
  TranslatorError,
  type LanguagePair,
  type Translator,
  type TranslatorLimits,
} from './translator.js';

interface ApyAnswer<T> {
  responseData?: T;
  responseStatus?: number;
  responseDetails?: string | null;
}

export class ApertiumTranslator implements Translator {
  readonly description: string;
  private readonly base: string;

  constructor(
    url: string,
    private readonly limits: TranslatorLimits = defaultTranslatorLimits,
  ) {
    this.base = url.replace(/\/+$/, '');
    this.description = `Apertium at ${this.base}`;
  }

  async pairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    const answer = (await exchange(`${this.base}/listPairs`, {}, this.limits, signal)) as ApyAnswer<
      { sourceLanguage: string; targetLanguage: string }[]
    >;
    if (!Array.isArray(answer.responseData)) throw new TranslatorError('its /listPairs answer has no pairs');
    return answer.responseData
      .map((p) => knownPair(p.sourceLanguage, p.targetLanguage))
      .filter((p): p is LanguagePair => p !== undefined);
  }

  async translate(texts: readonly string[], pair: LanguagePair, signal?: AbortSignal): Promise<string[]> {
    if (!texts.length) return [];
    // A text a line: line breaks inside one would shift every text after it.
    const q = texts.map((t) => t.replace(/\s*\n\s*/g, ' ')).join('\n');
    const body = new URLSearchParams({ langpair: `${pair.source.iso3}|${pair.target.iso3}`, q, markUnknown: 'no' });
    const answer = (await exchange(
      `${this.base}/translate`,
      { method: 'POST', body },
      this.limits,
      signal,
    )) as ApyAnswer<{
      translatedText?: string;
    }>;
    const translated = answer.responseData?.translatedText;
    if (typeof translated !== 'string')
      throw new TranslatorError(
        `it did not translate (${answer.responseDetails ?? `status ${answer.responseStatus}`})`,
      );
    const lines = translated.split('\n');
    if (lines.length !== texts.length)
      throw new TranslatorError(`it answered ${lines.length} lines for ${texts.length} texts`);
    // APY's marks on words it could not handle (* unknown, @ untranslated, # not generated): a
    // reader wants the words, not the marks.
    return lines.map((l) => l.replace(/(^|[\s"'(])[*@#](?=[^\s*@#])/gu, '$1').trim());
  }
}
