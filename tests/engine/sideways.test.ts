// A page of columns full of Latin words is a page lying on its side; one of Han and kana is
// vertical text (app/engine/sideways.ts).
import { describe, expect, it } from 'vitest';
import { looksSideways, type OrientedText } from '../../app/engine/sideways.js';
import { defaultEngineConfig } from '../../app/engine/config.js';

const column = (text: string): OrientedText => ({ text, direction: 'vertical' });
const line = (text: string): OrientedText => ({ text, direction: 'horizontal' });
const thresholds = defaultEngineConfig.recognition;

describe('looksSideways', () => {
  it.each<[string, OrientedText[], boolean]>([
    [
      'English UI lines on end',
      ['Kevin Dalley', 'US Letter Plus', 'Clicks the button', 'Rotate clockwise', 'JIS2004 Forms'].map(column),
      true,
    ],
    [
      'Chinese help text with its options, on end',
      [
        '--ignore-fail-on-non-empty 忽略仅由目录非空产生的所有错误',
        '-q, --quiet, --silent 不输出含有文件名的头',
        '使目标文件无法访问，仍然不断尝试打开',
      ].map(column),
      true,
    ],
    ['vertical Chinese', ['警告行末字形替代', '文件的大小为负数', '左到右替代字形无效的输入范围'].map(column), false],
    [
      'vertical Japanese with one English word',
      ['使用法：FILE', 'ファイルに関する情報を取得できません', 'デフォルトウィジェット'].map(column),
      false,
    ],
    [
      'vertical Japanese with a few stray letters',
      ['やり直す)oo', 'レンダリング無効なプモm', '指定文字列です'].map(column),
      false,
    ],
    [
      'English lines across',
      ['Kevin Dalley', 'US Letter Plus', 'Clicks the button', 'Rotate clockwise', 'JIS2004 Forms'].map(line),
      false,
    ],
    [
      'a few columns among many lines',
      [
        ...['Clicks the button', 'Rotate clockwise', 'Letter Plus'].map(column),
        ...['File', 'Edit', 'View', 'Help'].map(line),
      ],
      false,
    ],
    ['columns of short English labels: too few words', ['OK', 'Cancel', 'Apply'].map(column), false],
    ['nothing read', [], false],
  ])('%s', (_name, lines, expected) => {
    expect(looksSideways(lines, thresholds)).toBe(expected);
  });
});
