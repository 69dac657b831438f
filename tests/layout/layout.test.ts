import { describe, expect, it } from 'vitest';
import { analyzeLayout, joinLines, detectLanguage, type TextFragment } from '../../app/layout/index.js';

/** A horizontal fragment at [left, top, width, height]. */
const at = (text: string, left: number, top: number, width: number, height = 18): TextFragment => ({
  text,
  box: { left, top, width, height },
  score: 0.99,
  direction: 'horizontal',
  chars: [],
});
const readLines = (fragments: TextFragment[]) =>
  analyzeLayout(fragments).paragraphs.flatMap((p) => p.lines.map((l) => l.text));
const readParagraphs = (fragments: TextFragment[]) => analyzeLayout(fragments).paragraphs.map((p) => p.text);

describe('reading order', () => {
  it('reads a sidebar beside a list column by column, under a title', () => {
    const fragments = [
      at('Settings', 14, 14, 200, 24),
      at('General', 14, 52, 70),
      at('Appearance', 14, 80, 90),
      at('Privacy', 14, 108, 60),
      at('Font size', 220, 56, 80),
      at('Theme colour', 220, 89, 110),
      at('Line spacing', 220, 122, 100),
      at('Zoom', 220, 155, 40),
    ];
    expect(readLines(fragments)).toEqual([
      'Settings',
      'General',
      'Appearance',
      'Privacy',
      'Font size',
      'Theme colour',
      'Line spacing',
      'Zoom',
    ]);
  });

  it('reads a sidebar beside a list column by column though a few of their rows line up by chance', () => {
    // Boxes from a HiDPI settings page: seven items beside ten and two buttons under the list.
    const sidebar = [
      at('在转储字符串时不能指定类型', 26, 100, 318, 30),
      at('Getting printer information failed', 23, 147, 336, 34),
      at('已无法访问', 24, 192, 129, 36),
      at('图像', 22, 241, 61, 36),
      at('In real life', 22, 291, 112, 32),
      at('指定了多个 -i 选项', 23, 337, 208, 35),
      at('failed to get cpuid', 22, 386, 187, 37),
    ];
    const list = [
      at('warning: security labeling handle failed', 429, 100, 394, 36),
      at('test 和/或 [', 430, 154, 121, 36),
      at('Make all warnings fatal', 430, 209, 238, 33),
      at('用法：选项... [文件]...', 432, 262, 238, 33),
      at('cannot set timestamps for', 430, 320, 256, 30),
      at('是一个不支持的安全级为 的 slocate 数据库；跳过。', 431, 369, 531, 34),
      at('and are the same file', 431, 427, 208, 29),
      at('Invalid argument to CreateDC', 431, 480, 298, 30),
      at('PrintDlgEx 的句柄无效', 430, 532, 245, 34),
      at('A1x3', 429, 587, 65, 33),
      at('累积', 457, 662, 58, 38),
      at('--group 和 -c/-d/-D/-u 互斥', 579, 663, 274, 37),
    ];
    const fragments = [at('Color', 23, 32, 90, 38), ...sidebar, ...list];
    expect(readLines(fragments)).toEqual(['Color', ...[...sidebar, ...list].map((f) => f.text)]);
  });

  it('reads two columns of prose one after the other even when their lines align', () => {
    const left = ['The first column starts here and', 'goes on for a few lines of text', 'until it ends.'];
    const right = ['The second column is read only', 'after the first one is finished', 'by the reader.'];
    const fragments = [
      ...left.map((t, i) => at(t, 10, 10 + i * 22, 280)),
      ...right.map((t, i) => at(t, 330, 10 + i * 22, 280)),
    ];
    expect(readLines(fragments)).toEqual([...left, ...right]);
  });

  it('reads a table (aligned rows) row by row', () => {
    const rows = [
      ['Service', 'Port', 'Comment'],
      ['http', '80/tcp', 'Web'],
      ['ssh', '22/tcp', 'Secure shell'],
      ['smtp', '25/tcp', 'Mail'],
    ];
    const fragments = rows.flatMap((row, r) =>
      row.map((cell, c) => at(cell, 20 + c * 140, 18 + r * 27, 60 + cell.length * 4)),
    );
    expect(readLines(fragments)).toEqual(rows.flat());
  });

  it('reads a form row by row when a value wraps onto two lines beside its centred label', () => {
    // Labels centred on their values (a flex row): "Description" stands level with the middle of
    // its two-line value, with neither of its lines.
    const fragments = [
      at('Name', 20, 20, 44),
      at('Jane Doe', 180, 20, 70),
      at('Description', 20, 71, 90),
      at('Keeps the release notes and', 180, 60, 230),
      at('answers the support queue', 180, 82, 210),
      at('Country', 20, 122, 60),
      at('Germany', 180, 122, 66),
      at('Role', 20, 162, 36),
      at('Editor', 180, 162, 50),
    ];
    expect(readLines(fragments)).toEqual([
      'Name',
      'Jane Doe',
      'Description',
      'Keeps the release notes and',
      'answers the support queue',
      'Country',
      'Germany',
      'Role',
      'Editor',
    ]);
  });

  it('reads a row of buttons whose centred labels wrap, each button whole, left to right', () => {
    const fragments = [
      at('Preparing to', 120, 355, 150, 30),
      at('completely', 128, 387, 135, 30),
      at('remove file.txt', 109, 419, 177, 30),
      at('Preparing to', 384, 355, 150, 30),
      at('configure', 403, 387, 113, 30),
      at('file.txt', 418, 419, 82, 30),
      at('Problem', 650, 355, 100, 30),
      at('closing the', 633, 387, 134, 30),
      at('file file.txt', 626, 419, 148, 30),
    ];
    expect(readLines(fragments)).toEqual([
      'Preparing to',
      'completely',
      'remove file.txt',
      'Preparing to',
      'configure',
      'file.txt',
      'Problem',
      'closing the',
      'file file.txt',
    ]);
  });

  it('reads a tight form row by row where two-line labels stand one under the other', () => {
    // The detector's boxes on a dialog: labels and values both wrap, rows 10-12 px apart, and
    // two buttons under the form bridge the gap between its columns.
    const fragments = [
      at('Installed file.txt', 38, 25, 159, 23),
      at('Internal error, could not locate', 336, 85, 282, 23),
      at('Installing file.txt', 39, 97, 151, 25),
      at('member file.txt', 334, 110, 146, 24),
      at('PKCS #11 user error', 39, 155, 199, 23),
      at('Parsing error in password/key file.', 335, 156, 319, 23),
      at('Peer has terminated the', 39, 195, 229, 23),
      at('Public key decryption has failed.', 334, 206, 306, 27),
      at('connection', 39, 222, 107, 20),
      at('Public key encryption has', 37, 254, 248, 28),
      at('Invalid user name', 336, 267, 171, 24),
      at('failed.', 37, 279, 61, 25),
      at('Length:', 36, 318, 79, 28),
      at('Length: file.txt', 335, 320, 138, 25),
      at('Iranian languages', 38, 365, 174, 26),
      at('Iroquoian languages', 334, 365, 198, 26),
      at('invalid binary "file.txt"', 312, 425, 203, 24),
      at('not recorded', 561, 425, 124, 23),
    ];
    expect(readLines(fragments)).toEqual([
      'Installed file.txt',
      'Installing file.txt',
      'Internal error, could not locate',
      'member file.txt',
      'PKCS #11 user error',
      'Parsing error in password/key file.',
      'Peer has terminated the',
      'connection',
      'Public key decryption has failed.',
      'Public key encryption has',
      'failed.',
      'Invalid user name',
      'Length:',
      'Length: file.txt',
      'Iranian languages',
      'Iroquoian languages',
      'invalid binary "file.txt"',
      'not recorded',
    ]);
  });

  it("reads a menu's shortcuts on their items' rows, though Latin and Han boxes sit a few px apart", () => {
    const fragments = [
      at('设置系统时区需要认证。', 37, 30, 210, 25),
      at('Shift+Ctrl+S', 515, 83, 114, 22),
      at('启动"$(unit)"需要认证。', 40, 87, 205, 25),
      at('Ctrl+Q', 564, 123, 66, 23),
      at('重复的组条目', 40, 127, 123, 25),
      at('重复的用户条目', 40, 167, 144, 25),
      at('重复的组影子条目', 40, 207, 163, 24),
      at('Alt+Enter', 539, 243, 91, 25),
      at('重复的用户影子条目', 40, 248, 182, 23),
      at('申请内存失败', 258, 304, 124, 26),
      at('改变信箱所有者失败', 428, 303, 183, 25),
    ];
    expect(readLines(fragments)).toEqual([
      '设置系统时区需要认证。',
      '启动"$(unit)"需要认证。',
      'Shift+Ctrl+S',
      '重复的组条目',
      'Ctrl+Q',
      '重复的用户条目',
      '重复的组影子条目',
      '重复的用户影子条目',
      'Alt+Enter',
      '申请内存失败',
      '改变信箱所有者失败',
    ]);
  });

  it("reads a menu's right-aligned shortcuts on their rows, with the dialog's buttons under them", () => {
    // Boxes as the engine found them in a held-out corpus dialog: the buttons sit below the
    // last item, right of the gap, and used to make the shortcuts a column read after the menu.
    const fragments = [
      at('Show this help message', 28, 20, 128, 18),
      at('Terminate options', 30, 55, 96, 16),
      at('Usage:', 28, 74, 43, 20),
      at('VAL', 30, 96, 27, 17),
      at('Alt+Enter', 707, 96, 53, 17),
      at('F5', 740, 117, 20, 16),
      at('Mayan languages', 30, 117, 93, 17),
      at('Mon-Khmer languages', 30, 138, 117, 17),
      at('Ctrl+Q', 721, 138, 38, 16),
      at('Mongolian languages', 30, 160, 114, 17),
      at('Ctrl+N', 721, 159, 39, 16),
      at('Munda languages', 31, 180, 93, 17),
      at('Ctrl+N', 721, 200, 39, 18),
      at('Na-Dene languages', 30, 202, 102, 17),
      at('Nahuatl languages', 30, 222, 100, 17),
      at('Ctrl+S', 722, 222, 38, 16),
      at('Niger-Kordofanian languages', 30, 242, 150, 19),
      at('Chimbu', 701, 276, 45, 16),
      at('Chimborazo', 602, 277, 67, 17),
    ];
    expect(readLines(fragments)).toEqual([
      'Show this help message',
      'Terminate options',
      'Usage:',
      'VAL',
      'Alt+Enter',
      'Mayan languages',
      'F5',
      'Mon-Khmer languages',
      'Ctrl+Q',
      'Mongolian languages',
      'Ctrl+N',
      'Munda languages',
      'Na-Dene languages',
      'Ctrl+N',
      'Nahuatl languages',
      'Ctrl+S',
      'Niger-Kordofanian languages',
      'Chimborazo',
      'Chimbu',
    ]);
  });

  it('reads a form before the lone button under it, past its right edge', () => {
    const fragments = [
      at('16 * 1kB opensync writes', 44, 32, 194, 22),
      at('could not create thread for alarm', 364, 92, 248, 22),
      at('Try "file.txt --help" for more information.', 47, 95, 290, 18),
      at('detail:', 364, 136, 52, 21),
      at('could not open output file', 47, 137, 190, 20),
      at('fsync failed', 364, 179, 92, 23),
      at('error:', 46, 182, 45, 18),
      at('hint:', 45, 223, 39, 22),
      at('Active UNIX domain sockets', 365, 224, 213, 20),
      at('Ash', 45, 310, 35, 21),
      at('BROADCAST', 364, 309, 100, 22),
      at('RPC: Success', 46, 354, 108, 21),
      at('RPC: Timed out', 365, 354, 120, 20),
      at('RPC: Unable to receive', 694, 416, 172, 21),
    ];
    expect(readLines(fragments)).toEqual([
      '16 * 1kB opensync writes',
      'Try "file.txt --help" for more information.',
      'could not create thread for alarm',
      'could not open output file',
      'detail:',
      'error:',
      'fsync failed',
      'hint:',
      'Active UNIX domain sockets',
      'Ash',
      'BROADCAST',
      'RPC: Success',
      'RPC: Timed out',
      'RPC: Unable to receive',
    ]);
  });

  it('reads a form row by row though its labels are long, as its rows stand apart', () => {
    const labels = [
      'Signal file.txt(file.txt12) ? (y/N)',
      'You can only use files with mountpoint options',
      'set the program name',
      'collection in which to lock',
    ];
    const values = [
      'Unable to scan stat file',
      'set mtime for added files from DATE-OR-FILE',
      'attribute value pairs which match items to clear',
      'return all results, instead of just first one',
    ];
    const fragments = [
      ...labels.map((text, i) => at(text, 48, 100 + i * 49, text.length * 9, 22)),
      ...values.map((text, i) => at(text, 513, 100 + i * 49, text.length * 9, 22)),
    ];
    expect(readLines(fragments)).toEqual(labels.flatMap((label, i) => [label, values[i]!]));
  });

  it('reads a form row by row though its long labels wrap and its rows are set nearly as close as prose', () => {
    // Boxes as measured on a German dialog (Cantarell, JPEG): rows 32 px apart, lines 18 px tall;
    // the first value is one line, level with the middle of its two-line label.
    const rows: [string, number, number][][] = [
      [
        ['file.txt: das Argument 12 ist nicht', 65.6, 191.8],
        ['numerisch', 82.3, 66.5],
      ],
      [['file.txt: close ist fehlgeschlagen: file.txt', 113.6, 227.9]],
      [['Russisch (GOST 14289-88)', 145.7, 156.7]],
      [['Russisch (Georgien)', 177, 119.9]],
      [['Russisch (Deutschland, empfohlen)', 209.6, 205.8]],
    ];
    const values: [string, number, number][][] = [
      [['file.txt: wurde mit 12 Argumenten aufgerufen', 73.2, 262.4]],
      [['file.txt: das erste Argument ist kein Feld', 113.6, 234.9]],
      [['Russisch (GOST 6431-75)', 145.7, 149.7]],
      [['Russisch (Deutschland, phonetisch)', 177.6, 208.8]],
      [['Russisch (Deutschland, Transliteration)', 209.6, 229.9]],
    ];
    const fragments = [
      ...rows.flat().map(([text, top, width]) => at(text, 30.6, top, width)),
      ...values.flat().map(([text, top, width]) => at(text, 287.6, top, width)),
    ];
    expect(readLines(fragments)).toEqual(
      rows.flatMap((label, i) => [...label.map(([text]) => text), ...values[i]!.map(([text]) => text)]),
    );
  });

  it('reads two short columns one after the other where the left one ends level with the right one', () => {
    // A heading and two lines beside three lines of a paragraph, 30 px a line, the middle
    // lines nearly level: the left column's last line starts where the right one's ends, and
    // is no button past a form.
    const fragments = [
      at('Usage', 20, 20, 70, 26),
      at('tool versions list COMMAND', 20, 78, 300, 22),
      at('[--format=FORMAT ...]', 20, 104, 220, 22),
      at('To list the versions of a package when the', 460, 20, 380, 22),
      at('repository and location properties are set', 460, 50, 390, 22),
      at('to one in the current project, run:', 460, 82, 330, 22),
    ];
    expect(readLines(fragments)).toEqual([
      'Usage',
      'tool versions list COMMAND',
      '[--format=FORMAT ...]',
      'To list the versions of a package when the',
      'repository and location properties are set',
      'to one in the current project, run:',
    ]);
  });

  it("reads a menu's shortcuts beside their items though two buttons stand past the shortcuts", () => {
    // A dark menu at scale 2: two of nine items have a shortcut at the far right; the two
    // buttons under the menu, past the shortcuts' column, are one row of their own.
    const items = ['open', 'detail :', 'erreur :', 'astuce :', 'ngie', 'ngiemboon', 'ngile', 'ngindo'];
    const fragments = [
      ...items.map((text, i) => at(text, 60, 120 + i * 56, text.length * 17, 40)),
      at('Alt+Enter', 1270, 232, 179, 42),
      at('Ctrl+S', 1327, 288, 120, 42),
      at('inconnu(e)', 679, 653, 189, 41),
      at('prédicat inconnu « file.txt »', 945, 655, 473, 38),
    ];
    expect(readLines(fragments)).toEqual([
      'open',
      'detail :',
      'erreur :',
      'Alt+Enter',
      'astuce :',
      'Ctrl+S',
      'ngie',
      'ngiemboon',
      'ngile',
      'ngindo',
      'inconnu(e)',
      'prédicat inconnu « file.txt »',
    ]);
  });

  it("reads a menu's one shortcut beside its item though a row of buttons stands past it", () => {
    // A Chinese menu of seven items, one with a shortcut at the far right; three buttons
    // under the menu, past the shortcut's column.
    const items = ['苏苏语', '斯瓦希里语', '斯瓦特语', '瑞典语', '阿勒曼尼语', '叙利亚语', '塔加洛语'];
    const fragments = [
      ...items.map((text, i) => at(text, 46, 34 + i * 50, text.length * 25, 30)),
      at('Ctrl+S', 865, 284, 83, 28),
      at('卡累利阿语', 493, 420, 122, 29),
      at('克伦语', 671, 419, 78, 32),
      at('克什米尔语', 804, 419, 123, 29),
    ];
    expect(readLines(fragments)).toEqual([
      ...items.slice(0, 6),
      'Ctrl+S',
      items[6],
      '卡累利阿语',
      '克伦语',
      '克什米尔语',
    ]);
  });

  it('reads the same form row by row where a label and its value both wrapped', () => {
    // The dialog drawn narrower: the first value wraps too. Cut from the rows below, the first
    // two rows are three lines a side whose two steps (a wrap's, a row's) say nothing of prose.
    const fragments = [
      at('file.txt to "file.txt" fehlgeschlagen: file.txt', 28.6, 21.6, 253.9),
      at('file.txt: das Argument 12 ist nicht', 30.6, 65.6, 191.8),
      at('numerisch', 29.8, 82.3, 66.5),
      at('file.txt: close ist fehlgeschlagen: file.txt', 30.6, 113.6, 227.9),
      at('file.txt: wurde mit 12 Argumenten', 286.9, 64.6, 200.2, 20.1),
      at('aufgerufen', 288.4, 81.7, 70.2, 19),
      at('file.txt: das erste Argument ist kein Feld', 287.6, 113.6, 234.9),
      at('Russisch (GOST 14289-88)', 30.7, 145.7, 156.7),
      at('Russisch (GOST 6431-75)', 287.7, 145.7, 149.7),
      at('Russisch (Georgien)', 30, 177, 119.9, 19.9),
      at('Russisch (Deutschland, phonetisch)', 287.6, 177.6, 208.8),
    ];
    expect(readLines(fragments)).toEqual([
      'file.txt to "file.txt" fehlgeschlagen: file.txt',
      'file.txt: das Argument 12 ist nicht',
      'numerisch',
      'file.txt: wurde mit 12 Argumenten',
      'aufgerufen',
      'file.txt: close ist fehlgeschlagen: file.txt',
      'file.txt: das erste Argument ist kein Feld',
      'Russisch (GOST 14289-88)',
      'Russisch (GOST 6431-75)',
      'Russisch (Georgien)',
      'Russisch (Deutschland, phonetisch)',
    ]);
  });

  it('reads a form with two-line labels row by row, each label whole, though its buttons stand beside no label', () => {
    // A Japanese dialog at scale 2: values level with the middle of their two-line labels, not
    // with a line of them.
    const labels: [string, number][][] = [
      [
        ['ファイルの退避についてのヘルプ', 135],
        ['には、--help を使用してください。', 172],
      ],
      [
        ['パッケージ照会についてのヘルプ', 235],
        ['には、--help を使用してください。', 272],
      ],
      [['[デフォルト=N]', 335]],
      [
        ['シークレットのストレージから不', 415],
        ['正なシークレットを受け取りました', 452],
      ],
      [
        ['一致するものがあればクリアする', 528],
        ['アイテムの属性値のペア', 565],
      ],
      [
        ['新しいアイテムのラベルを指定す', 620],
        ['る', 657],
      ],
    ];
    const values: [string, number][][] = [
      [['ファイルの状態情報を上書きするには', 153]],
      [['バージョン', 253]],
      [['[デフォルト=Y]', 335]],
      [['検索するアイテムの属性値のペア', 434]],
      [['アイテムを格納しておくコレクションを指定する', 546]],
      [['メディアラベル', 638]],
    ];
    const fragments = [
      ...labels.flat().map(([text, top]) => at(text, 64, top, Math.min(456, text.length * 30), 36)),
      ...values.flat().map(([text, top]) => at(text, 574, top, text.length * 28, 36)),
      at('メディアタイプ', 748, 740, 210, 36),
      at('リポジトリの変更', 1038, 740, 240, 36),
    ];
    expect(readLines(fragments)).toEqual([
      ...labels.flatMap((label, i) => [...label.map(([text]) => text), ...values[i]!.map(([text]) => text)]),
      'メディアタイプ',
      'リポジトリの変更',
    ]);
  });

  it('reads a wrapped label whole, then the wrapped value level with it line by line', () => {
    // A dark dialog (the corpus's tuning-004 boxes): label and value both wrapped, their lines
    // level; the rows stand 16 px apart, the lines of a cell 2 px.
    const fragments = [
      at('cannot specify a database name with --all', 30, 20, 400, 22),
      at('checking heap table', 30, 68, 172),
      at('"file.txt.file.txt.file.txt"', 30, 88, 192),
      at('Add/Remove/Edit a remote', 311, 68, 230),
      at('printer', 311, 88, 56),
      at('Change printer settings', 30, 124, 204),
      at('Enable/Disable a printer', 311, 124, 206),
      at('Get list of available devices', 30, 160, 234),
      at('Get/Set server settings', 311, 160, 196),
      at('file.txt-file.txt', 30, 214, 120),
      at('file.txt: file.txt: line number', 311, 204, 236),
      at('out of range', 311, 224, 98),
    ];
    expect(readLines(fragments)).toEqual([
      'cannot specify a database name with --all',
      'checking heap table',
      '"file.txt.file.txt.file.txt"',
      'Add/Remove/Edit a remote',
      'printer',
      'Change printer settings',
      'Enable/Disable a printer',
      'Get list of available devices',
      'Get/Set server settings',
      'file.txt-file.txt',
      'file.txt: file.txt: line number',
      'out of range',
    ]);
  });

  it('reads a row of buttons, one of them wrapped onto two lines, each button whole, left to right', () => {
    const fragments = [
      at('Save and', 20, 300, 70),
      at('close', 30, 322, 44),
      at('Discard', 140, 311, 60),
      at('Keep editing', 250, 311, 96),
    ];
    expect(readLines(fragments)).toEqual(['Save and', 'close', 'Discard', 'Keep editing']);
  });

  it('reads two-line buttons each whole though one line of narrow letters fits a character grid', () => {
    // Proportional letters (i, l, . and : narrow; m and w wide), but one label line placed as
    // if in fixed cells: one line that fits a grid by chance makes no terminal of the row.
    const placed = (text: string, left: number, top: number, fixed = false) => {
      const advance = (char: string) => (fixed ? 8 : /[il.:!|' ]/.test(char) ? 4 : /[mw]/.test(char) ? 12 : 8);
      let x = left;
      const chars = [...text].map((char) => {
        const box = { left: x, top: top + 4, width: advance(char) - 1, height: 10 };
        x += advance(char);
        return { char, box };
      });
      return { ...at(text, left, top, x - left, 18), chars };
    };
    const fragments = [
      placed('file.txt:12: unterminated', 40, 100),
      placed('quote in roff request', 52, 118),
      placed('file.txt:12: warning:', 300, 100, true),
      placed('failed .so request', 322, 118),
    ];
    expect(readLines(fragments)).toEqual([
      'file.txt:12: unterminated',
      'quote in roff request',
      'file.txt:12: warning:',
      'failed .so request',
    ]);
  });

  it("reads a terminal's `ls -l` row by row: its boxes overlap the rows above and below", () => {
    // The detector's boxes on an xterm screenshot, 28 px a row, each box 29-33 px tall.
    const fragments = [
      at('root@build-01:~/tmp$ ls -l /usr/lib/x86_64-linux-gnu', 0, 0, 684, 33),
      at('total 644648', 0, 28, 164, 29),
      at('4096 Dec', 376, 55, 114, 30),
      at('drwxr-xr-x', 0, 56, 141, 29),
      at('4 root root', 152, 56, 156, 29),
      at('1 14:31 ImageMagick-6.9.11', 500, 56, 351, 30),
      at('1 root root', 151, 80, 158, 33),
      at('496 Apr 27', 387, 80, 143, 33),
      at('2026 Mcrt1.o', 543, 83, 167, 29),
      at('-rw-r--r--', 2, 85, 135, 29),
    ];
    expect(readLines(fragments)).toEqual([
      'root@build-01:~/tmp$ ls -l /usr/lib/x86_64-linux-gnu',
      'total 644648',
      'drwxr-xr-x 4 root root',
      '4096 Dec 1 14:31 ImageMagick-6.9.11',
      '-rw-r--r-- 1 root root',
      '496 Apr 27 2026 Mcrt1.o',
    ]);
  });

  it('reads buttons in a row left to right, as separate items', () => {
    const fragments = [at('Bourne Again Shell', 324, 231, 128), at('A4 Extra', 230, 231, 58)];
    expect(readLines(fragments)).toEqual(['A4 Extra', 'Bourne Again Shell']);
  });

  it('keeps two items side by side apart when their boxes stand most of a line height apart', () => {
    // A name and the menu item beside it (18 px lines, 14 px apart): two items, not one line.
    const fragments = [at('Eric B. Decker', 10, 10, 110), at('致谢(R)', 134, 10, 60)];
    expect(readLines(fragments)).toEqual(['Eric B. Decker', '致谢(R)']);
  });

  it('joins a marker or a keyword to its text at the same distance', () => {
    const fragments = [at('#', 10, 10, 12), at('Each line starts with the name', 26, 10, 220)];
    expect(readLines(fragments)).toEqual(['# Each line starts with the name']);
    // A JPEG's faint underscores: the detector saw "def" and "exit(self):" 16 px apart.
    expect(readLines([at('def', 10, 40, 27), at('exit(self):', 53, 40, 90)])).toEqual(['def exit(self):']);
  });

  it('joins fragments the detector split at a word gap back into one line', () => {
    const fragments = [at('cannot', 10, 10, 50), at('combine', 66, 10, 64)];
    expect(readLines(fragments)).toEqual(['cannot combine']);
  });

  it('measures the gap between two words at display size from their letters, not their overlapping boxes', () => {
    // 80 px text: the detector's boxes are grown around the ink and overlap, though a full
    // space lies between the letters the recognizer placed.
    const letters = (text: string, left: number, advance: number) =>
      [...text].map((char, i) => ({
        char,
        box: { left: left + i * advance, top: 20, width: advance - 4, height: 60 },
      }));
    const welcome = { ...at('Welcome', 35, 10, 367, 67), chars: letters('Welcome', 45, 48) };
    const back = { ...at(' back', 392, 10, 223, 67), chars: letters('back', 420, 48) };
    expect(readLines([welcome, back])).toEqual(['Welcome back']);
    // Boxes that overlap with letters that touch: one word the detector cut.
    const split = { ...at('63,1', 100, 10, 160, 67), chars: letters('63,1', 110, 36) };
    const rest = { ...at('82', 240, 10, 80, 67), chars: letters('82', 254, 36) };
    expect(readLines([split, rest])).toEqual(['63,182']);
  });

  it("does not put a space between CJK fragments that stand at a character's distance", () => {
    const fragments = [at('忽略输入', 10, 10, 72), at('并将标准', 84, 10, 72)];
    expect(readLines(fragments)).toEqual(['忽略输入并将标准']);
  });
});

describe('paragraphs', () => {
  it('merges a wrapped list item and keeps separate items apart', () => {
    const fragments = [
      at('only one list may be', 14, 92, 133, 17),
      at('specified', 14, 109, 59, 17),
      at('invalid length', 14, 134, 88, 17),
      at('Parameter Type', 14, 159, 106, 17),
    ];
    expect(readParagraphs(fragments)).toEqual(['only one list may be specified', 'invalid length', 'Parameter Type']);
  });

  it('keeps a heading apart from the text under it', () => {
    const fragments = [
      at('License', 10, 10, 100, 30),
      at('Permission is hereby granted, free of charge,', 10, 44, 400),
      at('to any person obtaining a copy.', 10, 66, 300),
    ];
    expect(readParagraphs(fragments)).toEqual([
      'License',
      'Permission is hereby granted, free of charge, to any person obtaining a copy.',
    ]);
  });
});

describe('joining lines', () => {
  it.each([
    [['Hello', 'world'], 'Hello world'],
    [['将当前文件夹添加到书', '签'], '将当前文件夹添加到书签'],
    [['使用 UID', '指定组'], '使用 UID 指定组'],
    [['文本排序', 'Eric'], '文本排序 Eric'],
    [['  padded ', ' text '], 'padded text'],
    [['', 'only'], 'only'],
  ])('%j -> %s', (lines, expected) => {
    expect(joinLines(lines)).toBe(expected);
  });
});

describe('language', () => {
  it.each([
    ['Hello world', 'eng'],
    ['打印机离线', 'chi_sim'],
    ['印表機離線', 'chi_tra'],
    ['這個檔案無法開啟', 'chi_tra'],
    ['这个文件无法打开', 'chi_sim'],
    ['没有为未知的 UID () 指定组', 'chi_sim'],
    ['ファイルを開く', 'jpn'],
    ['파일 열기', 'kor'],
    ['Привет мир', 'rus'],
    ['Відкрити файл', 'ukr'],
  ])('%s is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('code', () => {
  // monospace: 9 px a character, whatever the letters
  const mono = (text: string, column: number, row: number) =>
    at(text, 12 + column * 9, 12 + row * 22, text.length * 9, 20);
  // The same, with the characters where the recognizer places them: in their 9 px cells.
  const inCells = (text: string, column: number, top: number, height = 20): TextFragment => ({
    ...at(text, 12 + column * 9, top, text.length * 9, height),
    chars: [...text].map((char, i) => ({
      char,
      box: { left: 12 + (column + i) * 9 + 1, top: top + (height - 12) / 2, width: 7, height: 12 },
    })),
  });

  it('keeps indentation and one line per line', () => {
    const fragments = [
      mono('def dump_stats(self, file):', 0, 0),
      mono('with open(file) as f:', 4, 1),
      mono('self.create_stats()', 8, 2),
      mono('marshal.dump(f)', 8, 3),
    ];
    expect(readParagraphs(fragments)).toEqual([
      'def dump_stats(self, file):',
      '    with open(file) as f:',
      '        self.create_stats()',
      '        marshal.dump(f)',
    ]);
    // an indented line's box starts at the block's left edge, where its leading spaces are
    const lines = analyzeLayout(fragments).paragraphs.flatMap((p) => p.lines);
    expect(lines[2]!.box.left).toBe(12);
  });

  it('leaves a form alone: labels and values side by side, however steady their width per character', () => {
    // 7 px a character on every line, values indented: only their rows say it is no code.
    const row = (label: string, value: string, index: number) => [
      at(label, 12, 12 + index * 26, label.length * 7, 20),
      at(value, 132, 12 + index * 26, value.length * 7, 20),
    ];
    const fragments = [
      ...row('Name', 'Jordan Lee', 0),
      ...row('Email', 'jordan@example.com', 1),
      ...row('Time zone', 'UTC+08:00 Beijing', 2),
    ];
    expect(readLines(fragments).filter((l) => l.startsWith(' '))).toEqual([]);
  });

  it('reflows prose whose first line is indented, though its long lines average a steady width per character', () => {
    // A proportional font's letters, placed by the recognizer: widths by letter, the lines'
    // averages within a few percent of each other.
    const width = (c: string) => (/[iljtf.,' ]/.test(c) ? 4 : /[mwMW]/.test(c) ? 13 : 8);
    const proportional = (text: string, left: number, top: number) => {
      let x = left;
      const chars = [...text].map((char) => {
        const box = { left: x, top: top + 4, width: width(char) - 1, height: 12 };
        x += width(char);
        return { char, box };
      });
      return { ...at(text, left, top, x - left, 20), chars };
    };
    const lines = [
      'The licenses for most software are designed to take away',
      'your freedom to share and change it. By contrast, the General',
      'Public License is intended to guarantee your freedom to share',
      'and change free software, to make sure the software is free',
    ];
    const fragments = lines.map((text, i) => proportional(text, i === 0 ? 40 : 10, 10 + i * 22));
    expect(readParagraphs(fragments)).toEqual([lines.join(' ')]);
  });

  it('reads aligned columns of code row by row, two rows set apart from the rest alike', () => {
    // Perl's Tie::StdHash: its subs' names in a column, their bodies in another, the
    // characters in 9 px cells. The first two rows, a blank line's height above the others,
    // must not pass for a label and a value that wrapped: the bodies stand on a cell grid.
    const names = ['sub TIEHASH', 'sub STORE', 'sub FETCH', 'sub FIRSTKEY', 'sub NEXTKEY'];
    const bodies = [
      '{ bless {}, $_[0] }',
      '{ $_[0]->{$_[1]} = $_[2] }',
      '{ $_[0]->{$_[1]} }',
      '{ my $a = scalar keys %{$_[0]} }',
      '{ each %{$_[0]} }',
    ];
    const fragments = names.flatMap((name, row) => {
      const top = 12 + 22 * row + (row >= 2 ? 22 : 0);
      return [inCells(name, 0, top), inCells(bodies[row]!, 14, top)];
    });
    expect(readLines(fragments)).toEqual(names.flatMap((name, row) => [name, bodies[row]!]));
  });

  it("reads a terminal's rows row by row where pieces of three rows stand centred one over another", () => {
    // `ls -la` in 9 px cells, rows 22 px apart in boxes 24 px tall, split by the detector at
    // its runs of spaces. The names' pieces of the first three rows happen to share a middle,
    // as the lines of a centred button label do.
    const rows: [string, number][][] = [
      [['dev@laptop:~$ ls -la /etc', 0]],
      [
        ['-rw-r--r--', 0],
        ['1 root root', 12],
        ['34 Mar', 38],
        ['6', 46],
        ['2025 ld.so.conf', 49],
      ],
      [
        ['drwxr-xr-x', 0],
        ['2 root root', 12],
        ['4096 Oct 1', 33],
        ['5 23:04 ld.so.conf.d', 45],
      ],
      [
        ['drwxr-xr-x', 0],
        ['2 root root', 12],
        ['4096 Jun 24 2025', 34],
        ['ldap', 53],
      ],
      [['dev@laptop:~$', 0]],
    ];
    const fragments = rows.flatMap((row, index) =>
      row.map(([text, column]) => inCells(text, column, 10 + index * 22, 24)),
    );
    expect(readLines(fragments).join(' ')).toBe(rows.flatMap((row) => row.map(([text]) => text)).join(' '));
  });

  it('keeps a code block whose characters stand in cells as code', () => {
    const fragments = [
      inCells('def dump_stats(self, file):', 0, 12),
      inCells('with open(file) as f:', 4, 34),
      inCells('self.create_stats()', 8, 56),
    ];
    expect(readParagraphs(fragments)).toEqual([
      'def dump_stats(self, file):',
      '    with open(file) as f:',
      '        self.create_stats()',
    ]);
  });

  it('leaves proportional prose alone', () => {
    const fragments = [
      at('Permission is hereby granted', 10, 10, 230),
      at('illicit little lilies', 30, 32, 110),
      at('MMMM WWWW', 10, 54, 140),
    ];
    expect(readLines(fragments).every((l) => !l.startsWith(' '))).toBe(true);
  });
});

describe('vertical columns', () => {
  /** A column of text at [left, top], as tall as its characters. */
  const column = (text: string, left: number, top = 16): TextFragment => ({
    ...at(text, left, top, 29, [...text].length * 20),
    direction: 'vertical',
  });

  it('reads a lone glyph that ends a wrapped column in its place, right to left, not after the columns', () => {
    // public-035-vertical-ja: "た" and "す" end wrapped columns; their boxes are square, so
    // the engine calls them horizontal.
    const fragments = [
      column('ごく明るい緑', 390),
      column('プリンタで問題が発生しまし', 180),
      at('た', 155, 18, 25, 31),
      column('進行している様子を視覚的に表しま', 104),
      at('す', 81, 18, 20, 26),
      column('ページ数/用紙', 32),
    ];
    expect(readLines(fragments)).toEqual([
      'ごく明るい緑',
      'プリンタで問題が発生しまし',
      'た',
      '進行している様子を視覚的に表しま',
      'す',
      'ページ数/用紙',
    ]);
  });

  it('leaves a short horizontal caption under the columns where it is', () => {
    const fragments = [column('左から右へ', 100), column('上から下へ', 60), at('図1', 60, 160, 40, 20)];
    expect(readLines(fragments)).toEqual(['左から右へ', '上から下へ', '図1']);
  });
});

describe('Japanese ruby', () => {
  // Boxes as the engine finds them on Chromium's <ruby> at 40 px and on a dialog's wrapped text.
  it('drops the readings over the kanji of a line', () => {
    const fragments = [
      at('かんじ', 19, 0, 76, 22),
      at('_ かたまな', 188, 0, 151, 23),
      at('漢字の読み方を学びます。', 17, 20, 450, 38),
    ];
    expect(readLines(fragments)).toEqual(['漢字の読み方を学びます。']);
  });

  it('keeps the kana-only end of a wrapped sentence set close over the next line', () => {
    const fragments = [
      at('file.txt メンバーがないため、正しい DEB アーカイブでは', 32, 75, 358, 21),
      at('ありません', 31, 92, 69, 19),
      at('ソースリスト file.txt の file.txt 個目の節 file.txt は不明です', 30, 116, 360, 22),
    ];
    expect(readLines(fragments)).toEqual(fragments.map((f) => f.text));
  });
});
