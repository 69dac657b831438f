// Real text for the tuning corpus, read from what this machine has installed: gettext catalogs
// (UI strings in several languages), man pages, package documentation, license texts, source
// and configuration files, and the output of real commands. Nothing is invented: the corpus
// measures the engine on the text people actually read off their screens.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Random } from './random.js';

/** The strings of a compiled gettext catalog (`.mo`): msgid → first msgstr. */
export function readMoCatalog(bytes: Buffer): { id: string; text: string }[] {
  const magic = bytes.readUInt32LE(0);
  const read = magic === 0x950412de ? bytes.readUInt32LE.bind(bytes) : bytes.readUInt32BE.bind(bytes);
  if (magic !== 0x950412de && bytes.readUInt32BE(0) !== 0x950412de) return [];
  const count = read(8);
  const originals = read(12);
  const translations = read(16);
  const entries: { id: string; text: string }[] = [];
  const bytesAt = (table: number, i: number) => {
    const length = read(table + i * 8);
    const offset = read(table + i * 8 + 4);
    return bytes.subarray(offset, offset + length);
  };
  // Older catalogues are in their language's legacy encoding (EUC-JP, ISO-8859-1...), named in
  // the header (the translation of the empty msgid): read as UTF-8 they would put mojibake in
  // the ground truth.
  let decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (bytesAt(originals, i).length) continue;
    const charset = /charset=([\w.:-]+)/i.exec(bytesAt(translations, i).toString('latin1'))?.[1];
    if (charset && !/^(?:utf-?8|charset)$/i.test(charset)) {
      try {
        decoder = new TextDecoder(charset);
      } catch {
        return [];
      }
    }
    break;
  }
  const stringAt = (table: number, i: number) => decoder.decode(bytesAt(table, i));
  for (let i = 0; i < count; i++) {
    // A context is written "context\x04msgid"; plurals are NUL-separated: keep the singular.
    const id = stringAt(originals, i).split('\0')[0]!.split('\x04').pop()!;
    const text = stringAt(translations, i).split('\0')[0]!;
    if (id) entries.push({ id, text });
  }
  return entries;
}

/**
 * A UI string as a program shows it: accelerator marks removed, printf conversions filled with
 * a plausible value (a user never sees `%s`), one line, not too long for a label or button.
 */
export function asShownOnScreen(raw: string): string | null {
  if (/[\n\t\r<>{}\\]|https?:|\$\{|\bcolor=/.test(raw)) return null;
  let text = raw
    .replace(/_(?=\p{L})/gu, '')
    .replace(/&(?=\p{L})/gu, '')
    .replace(/%(\d+\$)?[-+ #0]*\d*(\.\d+)?(l|ll|z|j|h)?d/g, () => '12')
    .replace(/%(\d+\$)?[-+ #0]*\d*(\.\d+)?[feg]/g, () => '0.5')
    .replace(/%(\d+\$)?[-+ #0]*\d*(\.\d+)?(l|z)?[sux]/g, () => 'file.txt')
    .replace(/%%/g, '%')
    .trim();
  if (text.includes('%') && /%\S/.test(text)) return null;
  text = text.replace(/\s+/g, ' ');
  if (text.length < 2 || [...text].length > 60) return null;
  if (!/\p{L}/u.test(text)) return null;
  return text;
}

export type UiLanguage = 'en' | 'zh' | 'ja' | 'de' | 'fr';
const localeFolders: Record<Exclude<UiLanguage, 'en'>, string> = { zh: 'zh_CN', ja: 'ja', de: 'de', fr: 'fr' };

export interface SourceFile {
  /** Stable name: the split is decided by it, so a source never serves both splits. */
  name: string;
  read(): string[];
}

/** A source read once: man pages are set by spawning `man`, catalogs parsed; pages draw on them often. */
function source(name: string, read: () => string[]): SourceFile {
  let lines: string[] | undefined;
  // A line that was not UTF-8 (a Latin-1 comment in a Perl module) has U+FFFD for its
  // letters: no screen shows that, and it would be wrong ground truth.
  return { name, read: () => (lines ??= read().filter((line) => !line.includes('\uFFFD'))) };
}

function catalogs(language: UiLanguage): SourceFile[] {
  // English strings are the msgids of any catalog; the others are the msgstrs of their locale.
  const folder = path.join('/usr/share/locale', language === 'en' ? 'de' : localeFolders[language], 'LC_MESSAGES');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.mo'))
    .sort()
    .map((f) =>
      source(`mo:${f}`, () => [
        ...new Set(
          readMoCatalog(readFileSync(path.join(folder, f)))
            .map((e) => asShownOnScreen(language === 'en' ? e.id : e.text))
            .filter((s): s is string => s !== null),
        ),
      ]),
    );
}

/** The text of one man page as `man` sets it at a given width, its headers dropped. */
function manPage(file: string): string[] {
  try {
    const out = execFileSync('man', ['-l', file], {
      env: { ...process.env, MANWIDTH: '200', MAN_KEEP_FORMATTING: '', LANG: 'C.UTF-8' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    // man overstrikes bold and underline (char, backspace, char): keep the last of each.
    // eslint-disable-next-line no-control-regex
    return out.replace(/.\x08/g, '').split('\n').slice(1, -2);
  } catch {
    return [];
  }
}

function readMaybeCompressed(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Prose as paragraphs: blank-line separated blocks joined into running text. */
export function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    if (text.length > 40 && /\p{L}{3}/u.test(text) && !/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(text)) out.push(text);
    current = [];
  };
  for (const line of lines) {
    if (!line.trim() || /^\S/.test(line) !== /^\S/.test(current[0] ?? line)) flush();
    if (line.trim()) current.push(line.trim());
  }
  flush();
  return out;
}

function filesUnder(dir: string, test: (name: string) => boolean, limit = 4000): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (out.length >= limit) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = path.join(d, n);
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) walk(p);
      else if (s.isFile() && s.size > 200 && s.size < 400_000 && test(n)) out.push(p);
      if (out.length >= limit) return;
    }
  };
  walk(dir);
  return out;
}

/** Prose: man pages (section 1, 5, 8), documentation in /usr/share/doc, license texts. */
export function proseSources(): SourceFile[] {
  const man = ['man1', 'man5', 'man8'].flatMap((s) =>
    filesUnder(path.join('/usr/share/man', s), (n) => /\.\d\w*(\.gz)?$/.test(n), 1500).map((f) =>
      source(`man:${path.basename(f)}`, () => paragraphs(manPage(f))),
    ),
  );
  const docs = filesUnder('/usr/share/doc', (n) =>
    /^(README|NEWS|copyright|changelog)(\.Debian)?(\.md|\.txt)?(\.gz)?$/i.test(n),
  ).map((f) =>
    source(`doc:${path.relative('/usr/share/doc', f)}`, () => paragraphs(readMaybeCompressed(f).split('\n'))),
  );
  const licenses = filesUnder('/usr/share/common-licenses', () => true).map((f) =>
    source(`license:${path.basename(f)}`, () => paragraphs(readFileSync(f, 'utf8').split('\n'))),
  );
  return [...man, ...docs, ...licenses];
}

/** Source and configuration files as an editor shows them: lines kept, tabs expanded. */
export function codeSources(): SourceFile[] {
  const dirs: [string, (n: string) => boolean][] = [
    ['/usr/share/perl5', (n) => n.endsWith('.pm')],
    ['/usr/lib/x86_64-linux-gnu/perl-base', (n) => n.endsWith('.pm')],
    ['/usr/share/doc', (n) => /\.(sh|py|pl|c|h|conf|ini|ya?ml|json|js)$/.test(n)],
    ['/etc', (n) => /\.(conf|cfg|ini|sh)$|^(services|protocols|profile|bash\.bashrc|login\.defs)$/.test(n)],
    ['/usr/share/bash-completion/completions', () => true],
  ];
  return dirs.flatMap(([dir, test]) =>
    filesUnder(dir, test, 1200).map((f) =>
      source(`code:${f}`, () => {
        const text = readMaybeCompressed(f);
        if (text.includes('\0')) return [];
        return text.split('\n').map((l) => expandTabs(l.replace(/\s+$/, '')));
      }),
    ),
  );
}

export function expandTabs(line: string, width = 4): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(width - (out.length % width)) : ch;
  return out;
}

/** Real commands whose output a terminal shows, each run here with a plain C.UTF-8 locale. */
export const terminalCommands: readonly string[] = [
  'ls -l /usr/bin',
  'ls -la /etc',
  'ls -l /usr/share/doc',
  'df -h',
  'ps -eo pid,ppid,user,stat,etime,comm --sort=pid',
  'dpkg -l',
  'cat /etc/os-release',
  'uname -a; id; uptime',
  'free -h; cat /proc/loadavg',
  'env | sort | grep -v -i -E "token|key|secret|pass"',
  'apt-cache policy libc6 bash coreutils chromium xterm',
  'stat /etc/passwd /etc/hosts /usr/bin/env',
  'ls -lR /usr/share/fonts/truetype',
  'find /usr/share/man/man1 -name "g*" | sort',
  'cat /proc/cpuinfo',
  'mount',
  'git -C /usr/share/doc/.. status 2>&1; git --version',
  'python3 -c "import this"',
  'perl -v',
  'sort /etc/services',
  'ls -l /usr/lib/x86_64-linux-gnu',
  'cat /etc/passwd',
  'dpkg -L coreutils',
  'apt-cache show xterm',
  'du -sh /usr/share/* 2>/dev/null | sort -h',
  'ls -lh /var/lib/dpkg/info',
];

export function commandOutput(command: string): string[] {
  try {
    const out = execFileSync('sh', ['-c', command], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: '/tmp', COLUMNS: '200', TERM: 'dumb' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 20_000,
      maxBuffer: 64 << 20,
    });
    return out.split('\n').map((l) => expandTabs(l.replace(/\s+$/, ''), 8));
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    return out.split('\n').map((l) => expandTabs(l.replace(/\s+$/, ''), 8));
  }
}

export function uiSources(language: UiLanguage): SourceFile[] {
  return catalogs(language);
}

/** Picks `count` items from sources chosen at random, a run of consecutive items from each. */
export function drawLines(random: Random, sources: readonly SourceFile[], count: number, maxLength: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < 40; tries++) {
    const items = random
      .pick(sources)
      .read()
      .filter((l) => [...l].length <= maxLength);
    if (items.length === 0) continue;
    const start = random.int(0, Math.max(0, items.length - 1));
    out.push(...items.slice(start, start + Math.min(count - out.length, random.int(2, 8))));
  }
  return out;
}
