// Look-alikes the recognizer writes for characters it cannot, put back from their context.
import { describe, expect, it } from 'vitest';
import { lookalikeFixes } from '../../app/text/lookalikes.js';

const fixed = (text: string) => {
  const chars = [...text];
  for (const [i, char] of lookalikeFixes(text)) chars[i] = char;
  return chars.join('');
};

describe('look-alikes put back', () => {
  it.each([
    ['Ctrl+s', 'Ctrl+S'],
    ['Shift+Ctrl+z', 'Shift+Ctrl+Z'],
    ['保存 Ctrl+s', '保存 Ctrl+S'],
    ['Alt + x to close', 'Alt + X to close'],
    ['Cmd+c, Cmd+v', 'Cmd+C, Cmd+V'],
    ['Le fichier 《 rapport.pdf > est introuvable.', 'Le fichier « rapport.pdf » est introuvable.'],
    ['Die Datei 《Bericht》 fehlt', 'Die Datei «Bericht» fehlt'],
    ['Open the 《Settings> tab', 'Open the «Settings» tab'],
    ['Copyright @ 2024 Acme Corporation', 'Copyright © 2024 Acme Corporation'],
    ['(@2019-2024 Example)', '(©2019-2024 Example)'],
    ['see 《 a -> b >', 'see « a -> b »'], // an arrow's > closes nothing
    // ligatures of code fonts: the arrow between two characters is what was typed
    ['return $self→{is_ref};', 'return $self->{is_ref};'],
    ['return $self→>{pclass}', 'return $self->{pclass}'],
    ['if exists $this-→{reject_type}', 'if exists $this->{reject_type}'],
    ['const add = (a, b)⇒a + b;', 'const add = (a, b)=>a + b;'],
    ['ptr→next→value', 'ptr->next->value'],
    // a monospaced 0 between letters of one case is the letter
    ['size: c0unt 6 to', 'size: count 6 to'],
    ['$VERSI0N = "1.0";', '$VERSION = "1.0";'],
  ])('%s reads %s', (read, meant) => {
    expect(fixed(read)).toBe(meant);
  });

  it.each([
    'Ctrl+Shift+Space', // a named key, not a letter
    'Ctrl+a', // a small a is no capital seen small: its shapes differ
    'Ctrl+stop', // a word after +
    'x+s=2', // arithmetic, no modifier
    '请参阅《用户手册》第 3 章', // Chinese title marks stay
    'mail me@2024.example.org', // an address
    'reply to @2024bot', // a handle
    'Settings → Privacy → Camera', // prose sets its arrows apart
    '東京→大阪', // CJK text writes arrows as arrows
    'commit 3fa0bc9e', // hex: a hash, an address
    'file a0b1.txt', // another digit in the word
    'build v0.1 of ISO9660', // no letter after the 0, or other digits
    'the x0Y offset', // neighbours of two cases
  ])('leaves %s as read', (text) => {
    expect(fixed(text)).toBe(text);
  });
});
