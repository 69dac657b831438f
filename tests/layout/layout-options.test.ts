// duplicate, left, top and vertical columns as tables of cases.
import { describe, expect, it } from 'vitest';
import { rejoinHyphenation } from '../../app/text/index.js';
import { dropOverlappingRepeats } from '../../app/layout/duplicates.js';
import { forceOrder } from '../../app/layout/forced-order.js';
import { verticalColumns } from '../../app/layout/vertical.js';

describe('duplicate=1: hyphenated words rejoined', () => {
  it.each([
    [
      ['recog-', 'nition is fast'],
      ['recognition', 'is fast'],
    ],
    [['the recog-', 'nition'], ['the recognition']],
    [
      ['inter-', 'national, and'],
      ['international,', 'and'],
    ],
    [
      ['a well-', 'known fact'],
      ['a wellknown', 'fact'],
    ],
    [
      ['COVID-', '19 cases'],
      ['COVID-', '19 cases'],
    ],
    [
      ['e-', 'mail me'],
      ['e-', 'mail me'],
    ],
    [
      ['word -', 'next'],
      ['word -', 'next'],
    ],
    [
      ['range --', 'flag'],
      ['range --', 'flag'],
    ],
    [
      ['Pro-', 'Gamer'],
      ['Pro-', 'Gamer'],
    ],
    [
      ['no hyphen', 'here'],
      ['no hyphen', 'here'],
    ],
    [['pro-', 'cessing.'], ['processing.']],
    [
      ['con-', 'tinued) more'],
      ['continued)', 'more'],
    ],
    [['über-', 'all'], ['überall']],
    [
      ['один-', 'надцать раз'],
      ['одиннадцать', 'раз'],
    ],
    [
      ['中文-', 'english'],
      ['中文-', 'english'],
    ],
    [
      ['three-', 'part-', 'ition word'],
      ['threepartition', 'word'],
    ],
    [
      ['', 'x'],
      ['', 'x'],
    ],
  ])('%o → %o', (input, expected) => {
    expect(rejoinHyphenation(input)).toEqual(expected);
  });
});

const line = (text: string, left: number, top: number, width = 100, height = 20) => ({
  text,
  box: { left, top, width, height },
});

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

describe("left=1 and top=1: the user's order", () => {
  // Two columns: A1 A2 A3 on the left, B1 B2 on the right, rows aligned at 0, 30, 60.
  const grid = [line('B1', 300, 0), line('A2', 0, 30), line('A1', 0, 0), line('B2', 300, 30), line('A3', 0, 60)];
  it.each([
    [
      'left: columns, then top to bottom',
      grid,
      'left',
      [
        ['A1', 'A2', 'A3'],
        ['B1', 'B2'],
      ],
    ],
    ['top: rows, then left to right', grid, 'top', [['A1', 'B1'], ['A2', 'B2'], ['A3']]],
    ['left: one column', [line('c', 0, 60), line('a', 0, 0), line('b', 5, 30)], 'left', [['a', 'b', 'c']]],
    ['top: one row', [line('c', 400, 0), line('a', 0, 2), line('b', 200, -2)], 'top', [['a', 'b', 'c']]],
    [
      'left: a wide line joins the column it overlaps',
      [line('wide', 0, 0, 400), line('right', 300, 30)],
      'left',
      [['wide', 'right']],
    ],
    [
      'top: rows of different heights',
      [line('tall', 0, 0, 100, 40), line('small', 200, 12, 100, 16)],
      'top',
      [['tall', 'small']],
    ],
    ['left: three columns', [line('c', 600, 0), line('b', 300, 0), line('a', 0, 0)], 'left', [['a'], ['b'], ['c']]],
    ['top: three rows', [line('c', 0, 60), line('b', 0, 30), line('a', 0, 0)], 'top', [['a'], ['b'], ['c']]],
    ['left: nothing', [], 'left', []],
    ['top: nothing', [], 'top', []],
    [
      'left: sidebar beside a list',
      [line('Item 1', 200, 0), line('Home', 0, 0, 80), line('Item 2', 200, 30), line('Files', 0, 30, 80)],
      'left',
      [
        ['Home', 'Files'],
        ['Item 1', 'Item 2'],
      ],
    ],
    [
      'top: sidebar beside a list',
      [line('Item 1', 200, 0), line('Home', 0, 0, 80), line('Item 2', 200, 30), line('Files', 0, 30, 80)],
      'top',
      [
        ['Home', 'Item 1'],
        ['Files', 'Item 2'],
      ],
    ],
    [
      'left: buttons in a row',
      [line('Cancel', 200, 0, 80), line('OK', 100, 0, 80), line('Help', 0, 0, 80)],
      'left',
      [['Help'], ['OK'], ['Cancel']],
    ],
    [
      'top: buttons in a row',
      [line('Cancel', 200, 0, 80), line('OK', 100, 0, 80), line('Help', 0, 0, 80)],
      'top',
      [['Help', 'OK', 'Cancel']],
    ],
    [
      'left: a form of labels and fields',
      [line('Name', 0, 0, 60), line('Ada', 100, 0), line('Email', 0, 30, 60), line('ada@x', 100, 30)],
      'left',
      [
        ['Name', 'Email'],
        ['Ada', 'ada@x'],
      ],
    ],
    [
      'top: a form of labels and fields',
      [line('Name', 0, 0, 60), line('Ada', 100, 0), line('Email', 0, 30, 60), line('ada@x', 100, 30)],
      'top',
      [
        ['Name', 'Ada'],
        ['Email', 'ada@x'],
      ],
    ],
    [
      'left: a title over two columns',
      [line('Title', 0, 0, 500), line('L', 0, 40), line('R', 300, 40)],
      'left',
      [['Title', 'L', 'R']],
    ],
    [
      'top: a title over two columns',
      [line('Title', 0, 0, 500), line('L', 0, 40), line('R', 300, 40)],
      'top',
      [['Title'], ['L', 'R']],
    ],
    [
      'left: a slightly skewed column stays one',
      [line('a', 0, 0), line('b', 8, 30), line('c', 16, 60)],
      'left',
      [['a', 'b', 'c']],
    ],
    [
      'top: a slightly skewed row stays one',
      [line('a', 0, 0), line('b', 150, 4), line('c', 300, 8)],
      'top',
      [['a', 'b', 'c']],
    ],
    [
      'left: columns of different lengths',
      [line('a1', 0, 0), line('b1', 200, 0), line('a2', 0, 30), line('a3', 0, 60)],
      'left',
      [['a1', 'a2', 'a3'], ['b1']],
    ],
    [
      'top: rows of different lengths',
      [line('a1', 0, 0), line('b1', 200, 0), line('a2', 0, 30), line('a3', 0, 60)],
      'top',
      [['a1', 'b1'], ['a2'], ['a3']],
    ],
    [
      'left: right-aligned numbers in a column',
      [line('1', 90, 0, 10), line('100', 70, 30, 30), line('10', 80, 60, 20)],
      'left',
      [['1', '100', '10']],
    ],
    [
      'top: a caption under an image row',
      [line('img1', 0, 0), line('img2', 200, 0), line('caption', 50, 40, 200)],
      'top',
      [['img1', 'img2'], ['caption']],
    ],
    ['left: one line', [line('only', 10, 10)], 'left', [['only']]],
    ['top: one line', [line('only', 10, 10)], 'top', [['only']]],
    ['left: given bottom-up', [line('c', 0, 60), line('b', 0, 30), line('a', 0, 0)], 'left', [['a', 'b', 'c']]],
    ['top: given right to left', [line('c', 400, 0), line('b', 200, 0), line('a', 0, 0)], 'top', [['a', 'b', 'c']]],
    [
      'left: a gap between columns of one pixel',
      [line('a', 0, 0, 100), line('b', 101, 0, 100)],
      'left',
      [['a'], ['b']],
    ],
    [
      'top: a line between two rows',
      [line('a', 0, 0), line('mid', 200, 15), line('b', 0, 30)],
      'top',
      [['a'], ['mid'], ['b']],
    ],
    [
      'left: a label hanging into the next column',
      [line('long label', 0, 0, 250), line('value', 200, 30)],
      'left',
      [['long label', 'value']],
    ],
    ['top: two tall cells side by side', [line('x', 0, 0, 100, 60), line('y', 200, 10, 100, 60)], 'top', [['x', 'y']]],
  ] as const)('%s', (_name, lines, order, expected) => {
    expect(forceOrder(lines, order).map((block) => block.map((l) => l.text))).toEqual(expected);
  });
});

describe('vertical columns', () => {
  const piece = (text: string, left: number, top: number, height: number, width = 24) => ({
    text,
    box: { left, top, width, height },
    direction: 'vertical' as const,
    fragments: [],
  });
  it.each([
    ['right to left', [piece('左', 0, 0, 100), piece('中', 40, 0, 100), piece('右', 80, 0, 100)], ['右', '中', '左']],
    [
      'pieces of one column become one line',
      [piece('发现匿名标签', 245, 15, 105), piece('不能创建标签', 245, 123, 110)],
      ['发现匿名标签不能创建标签'],
    ],
    [
      'a short column beside a long one stays apart',
      [piece('警告', 138, 14, 39), piece('无效的输入范围', 172, 15, 118)],
      ['无效的输入范围', '警告'],
    ],
    ['a far piece below starts its own column', [piece('上', 0, 0, 50), piece('下', 0, 400, 50)], ['上', '下']],
    ['nothing', [], []],
  ])('%s', (_name, lines, expected) => {
    expect(verticalColumns(lines).map((l) => l.text)).toEqual(expected);
  });
});
