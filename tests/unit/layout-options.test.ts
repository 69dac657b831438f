// duplicate, left, top and vertical columns as tables of cases.
import { describe, expect, it } from 'vitest';
import { rejoinHyphenation } from '../../app/text/index.js';
import { dropOverlappingRepeats } from '../../app/layout/duplicates.js';
import { forceOrder } from '../../app/layout/forced-order.js';
import { verticalColumns } from '../../app/layout/vertical.js';

describe('duplicate=1: hyphenated words rejoined', () => {
  it.each([
    [['recog-', 'nition is fast'], ['recognition', 'is fast']],
    [['the recog-', 'nition'], ['the recognition']],
    [['inter-', 'national, and'], ['international,', 'and']],
    [['a well-', 'known fact'], ['a wellknown', 'fact']],
    [['COVID-', '19 cases'], ['COVID-', '19 cases']],
    [['e-', 'mail me'], ['e-', 'mail me']],
    [['word -', 'next'], ['word -', 'next']],
    [['range --', 'flag'], ['range --', 'flag']],
    [['Pro-', 'Gamer'], ['Pro-', 'Gamer']],
    [['no hyphen', 'here'], ['no hyphen', 'here']],
    [['pro-', 'cessing.'], ['processing.']],
    [['con-', 'tinued) more'], ['continued)', 'more']],
    [['über-', 'all'], ['überall']],
    [['один-', 'надцать раз'], ['одиннадцать', 'раз']],
    [['中文-', 'english'], ['中文-', 'english']],
    [['three-', 'part-', 'ition word'], ['threepartition', 'word']],
    [['', 'x'], ['', 'x']],
  ])('%o → %o', (input, expected) => {
    expect(rejoinHyphenation(input)).toEqual(expected);
  });
});

const line = (text: string, left: number, top: number, width = 100, height = 20) => ({ text, box: { left, top, width, height } });

describe('duplicate=1: repeats from overlapping detections dropped', () => {
  it.each([
    ['the same line twice', [line('Save', 10, 10), line('Save', 12, 11)], ['Save']],
    ['a part of a line over it', [line('Save changes', 10, 10, 200), line('changes', 110, 10, 100)], ['Save changes']],
    ['case and spaces differ', [line('Save changes', 10, 10, 200), line('savechanges', 12, 10, 196)], ['Save changes']],
    ['the same text elsewhere', [line('OK', 10, 10), line('OK', 10, 200)], ['OK', 'OK']],
    ['different text in one place', [line('Save', 10, 10), line('Open', 10, 10)], ['Save', 'Open']],
    ['barely touching', [line('Save', 10, 10), line('Save', 100, 10)], ['Save', 'Save']],
  ])('%s', (_name, lines, kept) => {
    expect(dropOverlappingRepeats(lines).map((l) => l.text)).toEqual(kept);
  });
});

describe('left=1 and top=1: the user\'s order', () => {
  // Two columns: A1 A2 A3 on the left, B1 B2 on the right, rows aligned at 0, 30, 60.
  const grid = [line('B1', 300, 0), line('A2', 0, 30), line('A1', 0, 0), line('B2', 300, 30), line('A3', 0, 60)];
  it.each([
    ['left: columns, then top to bottom', grid, 'left', [['A1', 'A2', 'A3'], ['B1', 'B2']]],
    ['top: rows, then left to right', grid, 'top', [['A1', 'B1'], ['A2', 'B2'], ['A3']]],
    ['left: one column', [line('c', 0, 60), line('a', 0, 0), line('b', 5, 30)], 'left', [['a', 'b', 'c']]],
    ['top: one row', [line('c', 400, 0), line('a', 0, 2), line('b', 200, -2)], 'top', [['a', 'b', 'c']]],
    ['left: a wide line joins the column it overlaps', [line('wide', 0, 0, 400), line('right', 300, 30)], 'left', [['wide', 'right']]],
    ['top: rows of different heights', [line('tall', 0, 0, 100, 40), line('small', 200, 12, 100, 16)], 'top', [['tall', 'small']]],
    ['left: three columns', [line('c', 600, 0), line('b', 300, 0), line('a', 0, 0)], 'left', [['a'], ['b'], ['c']]],
    ['top: three rows', [line('c', 0, 60), line('b', 0, 30), line('a', 0, 0)], 'top', [['a'], ['b'], ['c']]],
    ['left: nothing', [], 'left', []],
    ['top: nothing', [], 'top', []],
  ] as const)('%s', (_name, lines, order, expected) => {
    expect(forceOrder(lines, order).map((block) => block.map((l) => l.text))).toEqual(expected);
  });
});

describe('vertical columns', () => {
  const piece = (text: string, left: number, top: number, height: number, width = 24) => ({ text, box: { left, top, width, height }, direction: 'vertical' as const, fragments: [] });
  it.each([
    ['right to left', [piece('左', 0, 0, 100), piece('中', 40, 0, 100), piece('右', 80, 0, 100)], ['右', '中', '左']],
    ['pieces of one column become one line', [piece('发现匿名标签', 245, 15, 105), piece('不能创建标签', 245, 123, 110)], ['发现匿名标签不能创建标签']],
    ['a short column beside a long one stays apart', [piece('警告', 138, 14, 39), piece('无效的输入范围', 172, 15, 118)], ['无效的输入范围', '警告']],
    ['a far piece below starts its own column', [piece('上', 0, 0, 50), piece('下', 0, 400, 50)], ['上', '下']],
    ['nothing', [], []],
  ])('%s', (_name, lines, expected) => {
    expect(verticalColumns(lines).map((l) => l.text)).toEqual(expected);
  });
});
