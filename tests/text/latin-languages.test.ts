// Which Latin-script language a text is in (app/text/latin-languages.ts): links, addresses and
// paths are no words of any language.
import { describe, expect, it } from 'vitest';
import { latinLanguageOf, withoutAddresses } from '../../app/text/latin-languages.js';

describe('latinLanguageOf', () => {
  it.each([
    [
      'an English page full of links',
      'See https://example.com.br/pt-br/o/docs/da/na and https://es.wikipedia.org/wiki/el/la for more.\nDownload from www.site.com.pt/os/em/nos/ or mail o.suporte@empresa.com.br today.',
    ],
    ['a path and host names', 'Saved to /home/o/da/em/na/os/config.json on build.da.na.pt and api.es.el.la.com'],
  ])('takes %s for no other language', (_name, text) => {
    expect(latinLanguageOf(text)).toBeUndefined();
  });

  it.each([
    ['spa', 'No se puede abrir el archivo de la carpeta: consulte https://ayuda.example.com/es/ para mas detalles.'],
    [
      'por',
      'Nao foi possivel salvar o arquivo na pasta: voce deseja tentar de novo? https://ajuda.example.com.br/pt-br/',
    ],
    ['fra', "Impossible d'ouvrir le fichier dans le dossier: consultez https://aide.example.fr/fr/ pour les details."],
  ])('still tells %s with a link in it', (language, text) => {
    expect(latinLanguageOf(text)).toBe(language);
  });

  it('takes out URLs, addresses, paths and host names, and leaves words', () => {
    expect(
      withoutAddresses('Open https://a.b/c?d=e now, or C:\\Users\\o\\da, mail x@y.pt, visit www.z.com.br.')
        .split(/\s+/)
        .filter((token) => /\p{L}/u.test(token)),
    ).toEqual(['Open', 'now,', 'or', 'mail', 'visit']);
  });
});
