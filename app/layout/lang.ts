// The `lang` of a result, from the scripts of its characters (the API's Tesseract-style codes).

export function detectLanguage(text: string): string {
  let han = 0, kana = 0, hangul = 0, latin = 0, cyrillic = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (/\p{Script=Latin}/u.test(char)) latin++;
    else if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
  }
  // Any kana makes a text Japanese; Han alone is read as Simplified Chinese (the model's own).
  if (kana > 0 && kana + han >= latin / 4) return 'jpn';
  if (hangul > 0 && hangul >= latin / 4) return 'kor';
  if (han > 0 && han * 2 >= latin / 4) return 'chi_sim';
  if (cyrillic > latin) return 'rus';
  return 'eng';
}
