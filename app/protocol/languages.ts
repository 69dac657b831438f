// Language codes as each party writes them: the Open API's `lang` (Tesseract's names, which
// the engine writes), ISO 639-1 (what `trans=` takes first, and LibreTranslate's codes) and
// ISO 639-3 (Apertium's). One row a language, for `trans=` and the translators alike.

export interface LanguageCodes {
  /** ISO 639-1, or a BCP 47 tag where 639-1 has no code for the written form (zh-Hant). */
  iso1: string;
  /** ISO 639-3, as Apertium names its pairs. */
  iso3: string;
  /** The Open API's `lang`: Tesseract's names. */
  engine: string;
}

export const languageTable: readonly LanguageCodes[] = [
  { iso1: 'en', iso3: 'eng', engine: 'eng' },
  { iso1: 'zh', iso3: 'zho', engine: 'chi_sim' },
  { iso1: 'zh-Hant', iso3: 'zho', engine: 'chi_tra' },
  { iso1: 'ja', iso3: 'jpn', engine: 'jpn' },
  { iso1: 'ko', iso3: 'kor', engine: 'kor' },
  { iso1: 'es', iso3: 'spa', engine: 'spa' },
  { iso1: 'fr', iso3: 'fra', engine: 'fra' },
  { iso1: 'de', iso3: 'deu', engine: 'deu' },
  { iso1: 'it', iso3: 'ita', engine: 'ita' },
  { iso1: 'pt', iso3: 'por', engine: 'por' },
  { iso1: 'ru', iso3: 'rus', engine: 'rus' },
  { iso1: 'uk', iso3: 'ukr', engine: 'ukr' },
  { iso1: 'ca', iso3: 'cat', engine: 'cat' },
  { iso1: 'nl', iso3: 'nld', engine: 'nld' },
  { iso1: 'pl', iso3: 'pol', engine: 'pol' },
  { iso1: 'ar', iso3: 'ara', engine: 'ara' },
];

/**
 * A language as `trans=` may name it (ISO 639-1 `es`, ISO 639-3 `spa`, or the engine's
 * `chi_sim`; any case, `zh-TW` and `zh_Hant` as Traditional Chinese), or undefined.
 */
export function languageOf(code: string | undefined): LanguageCodes | undefined {
  if (!code) return undefined;
  const wanted = code.trim().replace('_', '-').toLowerCase();
  if (wanted === 'zh-tw' || wanted === 'zh-hk') return languageTable.find((l) => l.iso1 === 'zh-Hant');
  if (wanted === 'zh-cn' || wanted === 'zh-hans') return languageTable.find((l) => l.iso1 === 'zh');
  return languageTable.find(
    (l) => l.iso1.toLowerCase() === wanted || l.engine.replace('_', '-') === wanted || l.iso3 === wanted,
  );
}
