import { readFile } from 'node:fs/promises';

/**
 * The recognizer's alphabet: index 0 is CTC's blank, then the dictionary file's characters in
 * order, then a space (PP-OCR models are trained with `use_space_char`).
 */
export class CharacterDictionary {
  private readonly known: ReadonlySet<string>;

  private constructor(private readonly characters: readonly string[]) {
    this.known = new Set(characters.slice(1));
  }

  static async load(path: string): Promise<CharacterDictionary> {
    const text = await readFile(path, 'utf8');
    const keys = text.split(/\r?\n/);
    if (keys[keys.length - 1] === '') keys.pop();
    return new CharacterDictionary(['', ...keys, ' ']);
  }

  get size(): number {
    return this.characters.length;
  }

  char(index: number): string {
    return this.characters[index] ?? '';
  }

  /** Whether the recognizer can write `char` at all. */
  has(char: string): boolean {
    return this.known.has(char);
  }

  get blank(): number {
    return 0;
  }
}
