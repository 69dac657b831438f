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
    // Letters between the digits of a hash are no words (they were `e` and `da`: Italian).
    [
      "a terminal's package record",
      'Package: xterm\nVersion: 379-1\nDescription: X terminal emulator\nDescription-md5: 964ff106395a61e65ddd87f3f34da00d\nMD5sum: 4853e033a6e9d3a582ed02d59a42302b\nSHA256: c00c23772269c206d180b1a897c0fd9a8b9ea5103923829dc7eeb0d66d7f461e',
    ],
    // Two German words among a program's hundred are no German page.
    [
      'a program that lists German day names',
      'package Date::Language::German;\nuse Date::Language ();\nuse vars qw(@ISA @DoW @DoWs @MoY @MoYs @AMPM @Dsuf %MoY %DoW $VERSION);\n@ISA = qw(Date::Language);\n$VERSION = "1.02";\n@MoY = qw(Januar Februar Marz April Mai Juni Juli August September Oktober November Dezember);\n@MoYs = qw(Jan Feb Mar Apr Mai Jun Jul Aug Sep Okt Nov Dez);\n@DoW = qw(Sonntag Montag Dienstag Mittwoch Donnerstag Freitag Samstag);\n@DoWs = qw(Son Mon Die Mit Don Fre Sam);\nuse Date::Language::English ();\n@AMPM = @{Date::Language::English::AMPM};\n@Dsuf = @{Date::Language::English::Dsuf};',
    ],
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
    // Terse menu items: few common words, but they are German all the same.
    [
      'deu',
      'BLOCKE\nunzulassiges inkrementelles Dateiformat\nDrucken deaktivieren\nSpeichern von Dateien auf Platte deaktivieren\nBenutzerverwaltung deaktivieren\nFanFold Europaisch\nleeres Dokument',
    ],
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
