// The text options as tables of cases: what a careful typist would make of each line.
import { describe, expect, it } from 'vitest';
import { applyTextOptions, fixPunctuation, spaceCjk, toHalfWidth } from '../../app/text/index.js';

describe('half=1: full-width ASCII to half-width', () => {
  it.each([
    ['ＡＢＣ１２３（），：', 'ABC123(),:'],
    ['ｈｅｌｌｏ　ｗｏｒｌｄ', 'hello　world'],
    ['版本：Ｖ２．０', '版本:V2.0'],
    ['中文不变', '中文不变'],
    ['句号。顿号、引号「」', '句号。顿号、引号「」'],
    ['ＵＲＬ：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ', 'URL:https://example.com'],
    ['价格＄１００＆＃', '价格$100&#'],
    ['［ａ］｛ｂ｝＜ｃ＞', '[a]{b}<c>'],
    ['～＠＾＿｀｜＼', '~@^_`|\\'],
    ['already ascii 123', 'already ascii 123'],
    ['混合ＭｉｘｅＤ文本', '混合MixeD文本'],
    ['！？＂＇', '!?"\''],
    ['１＋１＝２', '1+1=2'],
    ['ｅｍａｉｌ＠ｈｏｓｔ', 'email@host'],
    ['한국어ＡＢ', '한국어AB'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('space=1: CJK and Latin spacing', () => {
  it.each([
    ['第3行', '第 3 行'],
    ['使用Electron开发', '使用 Electron 开发'],
    ['你 好 世 界', '你好世界'],
    ['在 GitHub 上', '在 GitHub 上'],
    ['下载 v2.0版本', '下载 v2.0 版本'],
    ['3 . 14', '3.14'],
    ['1 , 000 元', '1,000 元'],
    ['会议在12 : 30', '会议在 12:30'],
    ['你好， world', '你好，world'],
    ['错误 ：文件不存在', '错误：文件不存在'],
    ['hello   world', 'hello world'],
    ['Windows和macOS都支持', 'Windows 和 macOS 都支持'],
    ['共100个文件', '共 100 个文件'],
    ['日本語とEnglish', '日本語と English'],
    ['한국어Korean', '한국어 Korean'],
    ['already spaced: 中文 English', 'already spaced: 中文 English'],
    ['“引用”和 “quote”', '“引用”和 “quote”'],
  ])('%s → %s', (input, expected) => {
    expect(spaceCjk(input)).toBe(expected);
  });
});

describe("symbol=1: punctuation of the sentence's kind", () => {
  it.each([
    ['你好,世界', '你好，世界'],
    ['这是一个句子.', '这是一个句子。'],
    ['是吗?', '是吗？'],
    ['注意:文件已删除', '注意：文件已删除'],
    ['第一;第二', '第一；第二'],
    ['太好了!', '太好了！'],
    ['你好, 世界', '你好，世界'],
    ['说明(见下文)', '说明（见下文）'],
    ['Hello，world', 'Hello, world'],
    ['This is a sentence。', 'This is a sentence.'],
    ['Error：file not found', 'Error: file not found'],
    ['Really？Yes！', 'Really? Yes!'],
    ['See（below）', 'See(below)'],
    ['版本3.14不变', '版本3.14不变'],
    ['file.txt and a.b.c stay', 'file.txt and a.b.c stay'],
    ['“未闭合“', '“未闭合”'],
    ['（括号不配对)', '（括号不配对）'],
    ['(mismatched）', '(mismatched)'],
    ['unpaired ) stays', 'unpaired ) stays'],
    ['用法：[选项]...名称', '用法：[选项]...名称'],
    ['价格100,共3件', '价格100，共3件'],
  ])('%s → %s', (input, expected) => {
    expect(fixPunctuation(input)).toBe(expected);
  });
});

describe('the options together, in their fixed order', () => {
  it.each([
    [{ half: true, symbol: true, space: true }, '价格：＄１００,共３件', '价格：$100，共 3 件'],
    [{ half: true, space: true }, '使用ＧＰＵ加速', '使用 GPU 加速'],
    [{ symbol: true, space: true }, '打开Settings,然后点击OK.', '打开 Settings，然后点击 OK。'],
    [{}, '原样 ，不变', '原样 ，不变'],
    [{ half: false, symbol: false, space: false }, 'ＡＢ,c', 'ＡＢ,c'],
  ])('%o: %s → %s', (options, input, expected) => {
    expect(applyTextOptions(input, options)).toBe(expected);
  });
});
