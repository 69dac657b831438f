// The UI's words in English and Simplified Chinese. The language follows the settings and is
// remembered with them; `t` reads the current one, so views update when it changes.

// Format names are the same in every language.
const fileTypeNames = {
  'file.1': 'PDF',
  'file.2': 'Word',
  'file.3': 'PowerPoint',
  'file.4': 'Excel',
  'file.5': 'TXT',
  'file.6': 'Markdown',
} as const;

const en = {
  'nav.result': 'Result',
  'nav.history': 'History',
  'nav.settings': 'Settings',
  'mode.text': 'Text',
  'mode.vertical': 'Vertical',
  'mode.table': 'Table',
  'mode.formula': 'Formula',
  'mode.label': 'Mode',
  'overlay.hint': 'Drag to select a region · Enter to read it · Esc to cancel',
  'overlay.confirm': 'Read text',
  'overlay.cancel': 'Cancel',
  'overlay.loading': 'Freezing the screen…',
  'result.empty.title': 'No result yet',
  'result.empty.body':
    'Capture a region with {hotkey}, paste an image (Ctrl+V), drop images, folders or PDFs here, or read the clipboard.',
  'result.fromClipboard': 'Read clipboard image',
  'welcome.capture': 'Capture a region',
  'welcome.noTray':
    'This desktop shows no tray icons, so this window is OCR Assistant: the hotkeys work while it is open (minimize it to keep them), and closing it quits. Launching OCR Assistant again brings it back; `ocr-assistant --capture` starts a capture from a shortcut of your desktop.',
  'result.recognizing': 'Recognizing…',
  'result.recognizingMany': 'Recognizing {done} of {total}… each goes to History',
  'result.reading': 'Reading…',
  'result.linesSoFar': '{n} lines so far',
  'result.linesSoFar.one': '{n} line so far',
  'result.seconds': '{s} s',
  'result.readScaled':
    'This image has more pixels than are read at once: it was read at {percent}% of its size. Boxes are shown on the whole image.',
  'result.cancel': 'Cancel',
  'result.cancelHint': 'Stop reading this image (Esc)',
  'result.cancelled': 'Recognition cancelled.',
  'result.batchCancelled': 'Stopped after {done} of {total}: the rest were not read.',
  'result.dropNoImages': 'Nothing dropped is an image or a PDF OCR Assistant reads ({names}).',
  'result.dropLeftOut': 'Left out, not images or PDFs: {names}',
  'result.batchFailed': '{name} could not be read: {message}',
  'result.copyAll': 'Copy all',
  'result.copied': 'Copied',
  'result.copyLine': 'Copy this line',
  'result.lines': 'Lines',
  'result.text': 'Text',
  'result.lang': 'Language',
  'result.time': '{ms} ms',
  'result.readAsText': 'No formula found in this image: it was read as text.',
  'result.lineCount': '{n} lines',
  'result.lineCount.one': '{n} line',
  'result.cellCount': '{n} cells',
  'result.noText': 'No text was found in this image.',
  'result.options': 'Options',
  'result.image': 'Captured image with the recognized boxes',
  'result.table': 'Table',
  'result.codes': 'QR codes and barcodes',
  'result.copyCode': 'Copy',
  'result.openCode': 'Open',
  'export.title': 'Export',
  'export.saved': 'Saved: {name}',
  ...fileTypeNames,
  'result.formula': 'Formula',
  'result.copyLatex': 'Copy LaTeX',
  'result.copyMathMl': 'Copy MathML',
  'result.copyMathMlHint': 'MathML pastes into Word and LibreOffice as an equation',
  'option.autodirection': 'Auto-rotate',
  'option.half': 'Half-width',
  'option.space': 'CJK spacing',
  'option.symbol': 'Fix punctuation',
  'option.duplicate': 'Join hyphens',
  'option.left': 'Left to right',
  'option.top': 'Top to bottom',
  'history.search': 'Search history',
  'history.empty': 'Nothing here yet: recognitions appear here as you make them.',
  'history.noMatch': 'No entry contains “{query}”.',
  'history.open': 'Open',
  'history.delete': 'Delete',
  'history.clear': 'Clear history',
  'history.clearConfirm': 'Delete all {n} entries? This cannot be undone.',
  'settings.hotkeys': 'Hotkeys',
  'settings.hotkey.capture': 'Capture a region',
  'settings.hotkey.clipboard': 'Recognize the clipboard image',
  'settings.hotkey.repeat': 'Repeat the last region',
  'settings.hotkey.record': 'Press the new keys…',
  'settings.hotkey.change': 'Change',
  'settings.hotkey.needsModifier': 'Add Ctrl, Alt or Shift: a key alone would fire while you type. Esc gives up.',
  'settings.hotkey.taken': '{keys} is already the hotkey for “{action}”: choose other keys.',
  'settings.server': 'Server',
  'settings.server.embedded': 'Built-in (offline, on this computer)',
  'settings.server.remote': 'Another OCR Open API server',
  'settings.server.url': 'Server URL',
  'settings.server.token': 'Token',
  'settings.server.tokenSet': 'A token is stored (type to replace it)',
  'settings.server.test': 'Test',
  'settings.server.badUrl': 'Not a server address: give one like http://192.168.1.20:8080 or https://ocr.example.com',
  'settings.server.save': 'Use this server',
  'settings.server.ok': 'Connected · used today {used} · left {left}',
  'settings.recognition': 'Recognition',
  'settings.defaultMode': 'Default mode',
  'settings.copyToClipboard': 'Copy the text to the clipboard',
  'settings.notify': 'Show a notification',
  'settings.historyLimit': 'Entries kept in history',
  'settings.historyLimit.range': 'A whole number from {min} to {max}; {kept} is kept.',
  'settings.appearance': 'Appearance',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.language': 'Language',
  'settings.readingLanguage': 'Other scripts',
  'settings.readingLanguage.hint':
    'Lines the main models cannot read (Japanese kana, Korean, Traditional Chinese characters, Cyrillic, French, German, Spanish, Italian and Portuguese accents) are read again in this language. Applies to the built-in server.',
  'settings.readingLanguage.auto': 'Detect from the text',
  'settings.readingLanguage.jpn': 'Japanese',
  'settings.readingLanguage.kor': 'Korean',
  'settings.readingLanguage.chi_tra': 'Traditional Chinese',
  'settings.readingLanguage.ukr': 'Cyrillic (Russian, Ukrainian)',
  'settings.readingLanguage.fra': 'French',
  'settings.readingLanguage.deu': 'German',
  'settings.readingLanguage.spa': 'Spanish',
  'settings.readingLanguage.ita': 'Italian',
  'settings.readingLanguage.por': 'Portuguese',
  'settings.readingLanguage.none': 'Chinese and English only',
  'settings.saved': 'Saved',
  'quota.label': 'Used today {used} · Left {left}',
  'quota.unknown': 'Quota unknown',
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  'nav.result': '结果',
  'nav.history': '历史',
  'nav.settings': '设置',
  'mode.text': '文字',
  'mode.vertical': '竖排',
  'mode.table': '表格',
  'mode.formula': '公式',
  'mode.label': '模式',
  'overlay.hint': '拖动选择区域 · 回车识别 · Esc 取消',
  'overlay.confirm': '识别文字',
  'overlay.cancel': '取消',
  'overlay.loading': '正在冻结屏幕…',
  'result.empty.title': '还没有结果',
  'result.empty.body': '用 {hotkey} 截取区域，粘贴图片 (Ctrl+V)，把图片、文件夹或 PDF 拖到这里，或识别剪贴板。',
  'result.fromClipboard': '识别剪贴板图片',
  'welcome.capture': '截取区域',
  'welcome.noTray':
    '此桌面不显示托盘图标，所以这个窗口就是 OCR Assistant：窗口打开时快捷键有效（最小化即可保持），关闭窗口即退出。再次启动 OCR Assistant 会重新打开它；在桌面的快捷键设置里用 `ocr-assistant --capture` 可以开始截取。',
  'result.recognizing': '正在识别…',
  'result.recognizingMany': '正在识别第 {done} / {total} 张…每张都会存入历史',
  'result.reading': '正在读取…',
  'result.linesSoFar': '已读 {n} 行',
  'result.linesSoFar.one': '已读 {n} 行',
  'result.seconds': '{s} 秒',
  'result.readScaled': '这张图片的像素超过一次能读取的上限：已按原尺寸的 {percent}% 读取。框仍标在整张图片上。',
  'result.cancel': '取消',
  'result.cancelHint': '停止读取这张图片（Esc）',
  'result.cancelled': '已取消识别。',
  'result.batchCancelled': '读完 {total} 张中的 {done} 张后已停止：其余未读取。',
  'result.dropNoImages': '拖入的文件中没有可识别的图片或 PDF（{names}）。',
  'result.dropLeftOut': '已跳过（不是图片或 PDF）：{names}',
  'result.batchFailed': '{name} 无法识别：{message}',
  'result.copyAll': '全部复制',
  'result.copied': '已复制',
  'result.copyLine': '复制这一行',
  'result.lines': '行',
  'result.text': '文本',
  'result.lang': '语言',
  'result.time': '{ms} 毫秒',
  'result.readAsText': '图中没有找到公式：已按文字识别。',
  'result.lineCount': '{n} 行',
  'result.lineCount.one': '{n} 行',
  'result.cellCount': '{n} 个单元格',
  'result.noText': '这张图片里没有找到文字。',
  'result.options': '选项',
  'result.image': '截图及识别出的文字框',
  'result.table': '表格',
  'result.codes': '二维码和条码',
  'result.copyCode': '复制',
  'result.openCode': '打开',
  'export.title': '导出',
  'export.saved': '已保存：{name}',
  ...fileTypeNames,
  'result.formula': '公式',
  'result.copyLatex': '复制 LaTeX',
  'result.copyMathMl': '复制 MathML',
  'result.copyMathMlHint': 'MathML 粘贴到 Word 或 LibreOffice 即为公式',
  'option.autodirection': '自动旋转',
  'option.half': '转半角',
  'option.space': '中英文空格',
  'option.symbol': '修正标点',
  'option.duplicate': '合并连字符',
  'option.left': '从左到右',
  'option.top': '从上到下',
  'history.search': '搜索历史',
  'history.empty': '这里还是空的：识别过的内容会出现在这里。',
  'history.noMatch': '没有包含“{query}”的记录。',
  'history.open': '打开',
  'history.delete': '删除',
  'history.clear': '清空历史',
  'history.clearConfirm': '删除全部 {n} 条记录？此操作无法撤销。',
  'settings.hotkeys': '快捷键',
  'settings.hotkey.capture': '截取区域',
  'settings.hotkey.clipboard': '识别剪贴板图片',
  'settings.hotkey.repeat': '重复上次区域',
  'settings.hotkey.record': '请按下新的组合键…',
  'settings.hotkey.change': '更改',
  'settings.hotkey.needsModifier': '请加上 Ctrl、Alt 或 Shift：单个按键会在打字时触发。按 Esc 放弃。',
  'settings.hotkey.taken': '{keys} 已是“{action}”的快捷键：请换一组按键。',
  'settings.server': '服务器',
  'settings.server.embedded': '内置（离线，在本机运行）',
  'settings.server.remote': '其他 OCR Open API 服务器',
  'settings.server.url': '服务器地址',
  'settings.server.token': '令牌',
  'settings.server.tokenSet': '已保存令牌（输入新令牌以替换）',
  'settings.server.test': '测试',
  'settings.server.badUrl': '不是服务器地址：请填写如 http://192.168.1.20:8080 或 https://ocr.example.com 的地址',
  'settings.server.save': '使用此服务器',
  'settings.server.ok': '已连接 · 今日已用 {used} · 剩余 {left}',
  'settings.recognition': '识别',
  'settings.defaultMode': '默认模式',
  'settings.copyToClipboard': '把文字复制到剪贴板',
  'settings.notify': '显示通知',
  'settings.historyLimit': '历史记录保留条数',
  'settings.historyLimit.range': '请填写 {min} 到 {max} 之间的整数；仍保留 {kept} 条。',
  'settings.appearance': '外观',
  'settings.theme': '主题',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.language': '语言',
  'settings.readingLanguage': '其他文字',
  'settings.readingLanguage.hint':
    '主模型读不出的行（日文假名、韩文、繁体中文字、西里尔字母、法文德文西班牙文意大利文葡萄牙文的重音字母）用此语言再读一遍。仅对内置服务器有效。',
  'settings.readingLanguage.auto': '根据文字自动识别',
  'settings.readingLanguage.jpn': '日文',
  'settings.readingLanguage.kor': '韩文',
  'settings.readingLanguage.chi_tra': '繁体中文',
  'settings.readingLanguage.ukr': '西里尔字母（俄文、乌克兰文）',
  'settings.readingLanguage.fra': '法文',
  'settings.readingLanguage.deu': '德文',
  'settings.readingLanguage.spa': '西班牙文',
  'settings.readingLanguage.ita': '意大利文',
  'settings.readingLanguage.por': '葡萄牙文',
  'settings.readingLanguage.none': '仅中文和英文',
  'settings.saved': '已保存',
  'quota.label': '今日已用 {used} · 剩余 {left}',
  'quota.unknown': '额度未知',
};

const catalogs = { en, 'zh-CN': zhCN } as const;
export type Language = keyof typeof catalogs;

class I18n {
  language = $state<Language>('en');
}
export const i18n = new I18n();

/** A message in the view's language; numbers in it are written as that language writes them (1,000,000). */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = catalogs[i18n.language][key] ?? en[key];
  // Made only for a message that has a number in it: t() runs for every label on each render.
  let numbers: Intl.NumberFormat | undefined;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'number') return value ?? `{${name}}`;
    numbers ??= new Intl.NumberFormat(i18n.language);
    return numbers.format(value);
  });
}

/** A wait in seconds with one decimal, as the language writes it ("1.4 s", "1,4 s"...). */
export function seconds(ms: number): string {
  const value = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('result.seconds', { s: value.format(ms / 1000) });
}

/** The wire's language codes (`lang`: Tesseract's names) as BCP 47, for Intl to name them. */
const languageTags: Record<string, string> = {
  eng: 'en',
  chi_sim: 'zh-Hans',
  chi_tra: 'zh-Hant',
  jpn: 'ja',
  kor: 'ko',
  rus: 'ru',
  ukr: 'uk',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
};

/** A result's language (`chi_sim`, `eng`...) by its name in the view's language; the code itself where Intl has none. */
export function languageName(code: string): string {
  if (code === 'math') return t('mode.formula');
  const tag = languageTags[code];
  if (!tag) return code;
  return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(tag) ?? code;
}

/** A date and time in the view's language (history rows), not the browser's. */
export function dateTimeText(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(iso));
}
