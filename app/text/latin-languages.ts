// Which Latin-script language a text is in, by its commonest words. The recognizer reads
// French, German, Spanish, Italian and Portuguese letters without their accents (its
// dictionary lacks most), so the words are compared with their accents taken off, and the
// letters only those languages use count too where they survived.

export const latinLanguages = ['fra', 'deu', 'spa', 'ita', 'por'] as const;
export type LatinLanguage = (typeof latinLanguages)[number];

/** Short words each language uses on every line and the others (and English) rarely do. */
const commonWords: Record<LatinLanguage | 'eng', Set<string>> = {
  eng: new Set('the and of to is in for that with this are be not you your on from or can will was have it'.split(' ')),
  fra: new Set(
    'le la les des du de et est une un pour dans que qui pas sur avec ce cette ces cet vous votre vos au aux sont ont ete etre avez peut nous tous aucun ne ou plus impossible fichier'.split(
      ' ',
    ),
  ),
  deu: new Set(
    'der die das und ist nicht ein eine zu mit den dem des von fur auf sie ich wird werden wurde sind haben alle bei nach sich auch noch uber kann konnen oder datei bitte'.split(
      ' ',
    ),
  ),
  spa: new Set(
    'el la los las de del y es un una para que en con por no se su sus al lo como esta este son fue hay desde todos pero ya archivo puede'.split(
      ' ',
    ),
  ),
  ita: new Set(
    'il lo gli le di del della dei delle degli nel nella e un una che con sono al alla da questo questa stato stata state piu anche impossibile salvare modifiche impostazioni'.split(
      ' ',
    ),
  ),
  por: new Set(
    'o os da dos das um uma em na nos nas ao com nao sao foi foram voce deseja pode arquivo ficheiro possivel alteracoes configuracoes'.split(
      ' ',
    ),
  ),
};

/** Letters that survive the recognizer now and then and name their language. */
const ownLetters: Record<LatinLanguage, RegExp> = {
  fra: /[çœèêëàâîïôùû]/giu,
  deu: /[äöüß]/giu,
  spa: /[ñ¿¡]/giu,
  ita: /[ìò]/giu,
  por: /[ãõ]/giu,
};

/**
 * The text without URLs, e-mail addresses, paths and host names: their pieces (/pt-br/, ?lang=es,
 * .com.br, /o/) are no words of a language, and an English page full of links was taken for
 * Portuguese or Spanish (and read a second time for nothing).
 */
export function withoutAddresses(text: string): string {
  return text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/giu, ' ')
    .replace(/\S+@\S+/gu, ' ')
    .replace(/\S*[\\/]\S*/gu, ' ')
    .replace(/\b(?:[\p{L}\p{N}-]+\.){1,}[\p{L}]{2,}\b/gu, ' ');
}

/** Without accents, lower case: how the recognizer's reading and the truth compare. */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/**
 * Evidence a page is in a language is a second reading of it (0.1 s a line): the common words
 * must be a fair share of all the words, not two of a hundred on an English page. A program
 * listing German month names (`qw(Son Mon Die Mit ...)`) is code.
 */
const minCommonShare = 0.05;

/**
 * The language of a Latin-script text when it is French, German or Spanish: its common words
 * (at least two, more than English ones, and a fair share of all) and own letters say so.
 * English, code and a text of too few words give undefined. Words are whole: letters run
 * into digits (the `e` and `da` of a hash `61e65ddd87f3f34da00d`) are no words.
 */
export function latinLanguageOf(text: string): LatinLanguage | undefined {
  const words =
    withoutAccents(withoutAddresses(text))
      .toLowerCase()
      .match(/(?<![\p{L}\p{N}_])\p{L}+(?![\p{L}\p{N}_])/gu) ?? [];
  const hits = (language: LatinLanguage | 'eng') => words.filter((w) => commonWords[language].has(w)).length;
  const english = hits('eng');
  let best: LatinLanguage | undefined;
  let bestScore = 0;
  for (const language of latinLanguages) {
    const score = hits(language) + 2 * (text.match(ownLetters[language])?.length ?? 0);
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best && bestScore >= 2 && bestScore > english && bestScore >= minCommonShare * words.length ? best : undefined;
}
