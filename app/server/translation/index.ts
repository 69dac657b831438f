// The translator a server is started with: `apertium:URL` or `libretranslate:URL[#key]`.
import { ApertiumTranslator } from './apertium.js';
import { LibreTranslateTranslator } from './libretranslate.js';
import { defaultTranslatorLimits, type Translator, type TranslatorLimits } from './translator.js';
import { defaultTranslationOptions, Translation } from './translate-result.js';

export { Translation, withTranslation, defaultTranslationOptions } from './translate-result.js';
export type { TranslationOptions } from './translate-result.js';
export { TranslatorError, type Translator, type LanguagePair } from './translator.js';

/** A translator as `--translator` writes it: `apertium:URL`, `libretranslate:URL#key` (read back by translatorFrom). */
export function translatorSpec(kind: 'apertium' | 'libretranslate', url: string, key?: string): string {
  return `${kind}:${url}${kind === 'libretranslate' && key ? `#${key}` : ''}`;
}

/** A translator from `--translator`'s words; throws with what is allowed when they are not that. */
export function translatorFrom(spec: string, limits: TranslatorLimits = defaultTranslatorLimits): Translator {
  const match = /^(apertium|libretranslate):(https?:\/\/[^#\s]+)(?:#(.+))?$/i.exec(spec.trim());
  if (!match)
    throw new Error(
      `--translator takes apertium:URL or libretranslate:URL[#api-key] (e.g. apertium:http://127.0.0.1:2737), not "${spec}"`,
    );
  const [, kind, url, key] = match;
  return kind!.toLowerCase() === 'apertium'
    ? new ApertiumTranslator(url!, limits)
    : new LibreTranslateTranslator(url!, key, limits);
}

/** The server's translation, from its config: none unless the operator named a translator. */
export function translationOf(config: { translator?: string; translationTimeoutMs?: number }): Translation | undefined {
  if (!config.translator) return undefined;
  const timeoutMs = config.translationTimeoutMs ?? defaultTranslationOptions.timeoutMs;
  // One exchange may take half the translation's time: a retry still fits.
  const limits = { ...defaultTranslatorLimits, timeoutMs: Math.min(defaultTranslatorLimits.timeoutMs, timeoutMs / 2) };
  return new Translation(translatorFrom(config.translator, limits), { ...defaultTranslationOptions, timeoutMs });
}
