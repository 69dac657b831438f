// The `lang` of a result, from the scripts of its characters (the API's Tesseract-style codes)
// and, for Latin script, its common words.
import { latinLanguageOf } from '../text/latin-languages.js';
import { isTraditionalOnly, minTraditionalShare } from '../text/traditional-chinese.js';
import { isCommonHan } from '../text/script.js';

export function detectLanguage(text: string): string {
  let han = 0,
    traditional = 0,
    kana = 0,
    hangul = 0,
    latin = 0,
    cyrillic = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if (isCommonHan(char)) {
      han++;
      if (isTraditionalOnly(char)) traditional++;
    } else if (/\p{Script=Latin}/u.test(char)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
  }
  // Any kana makes a text Japanese; Han alone is Chinese, Traditional when enough of its
  // characters are written only so.
  if (kana > 0 && kana + han >= latin / 4) return 'jpn';
  if (hangul > 0 && hangul >= latin / 4) return 'kor';
  if (han > 0 && han * 2 >= latin / 4) return traditional >= minTraditionalShare * han ? 'chi_tra' : 'chi_sim';
  // Letters Ukrainian has and Russian lacks; without them Cyrillic is taken for Russian.
  if (cyrillic > latin) return /[іїєґІЇЄҐ]/u.test(text) ? 'ukr' : 'rus';
  return latinLanguageOf(text) ?? 'eng';
}
