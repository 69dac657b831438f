// The pages the corpus draws in Chromium: dialogs and forms, documents, code in an editor and
// large headings, each in its own fonts, sizes and theme. Every element whose text is ground
// truth carries `data-gt`; the page measures its visual lines itself (measure-lines.ts).
import type { Random } from './random.js';

export interface Theme {
  name: 'light' | 'dark';
  background: string;
  panel: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  code: { keyword: string; string: string; comment: string; number: string };
}

export const themes: Record<Theme['name'], Theme[]> = {
  light: [
    {
      name: 'light',
      background: '#ffffff',
      panel: '#f3f3f3',
      text: '#1f1f1f',
      muted: '#5f6368',
      border: '#c8c8c8',
      accent: '#1a73e8',
      code: { keyword: '#0000ff', string: '#a31515', comment: '#008000', number: '#098658' },
    },
    {
      name: 'light',
      background: '#fdf6e3',
      panel: '#eee8d5',
      text: '#073642',
      muted: '#586e75',
      border: '#93a1a1',
      accent: '#268bd2',
      code: { keyword: '#859900', string: '#2aa198', comment: '#93a1a1', number: '#d33682' },
    },
  ],
  dark: [
    {
      name: 'dark',
      background: '#1e1e1e',
      panel: '#2d2d2d',
      text: '#d4d4d4',
      muted: '#9d9d9d',
      border: '#474747',
      accent: '#3794ff',
      code: { keyword: '#569cd6', string: '#ce9178', comment: '#6a9955', number: '#b5cea8' },
    },
    {
      name: 'dark',
      background: '#282a36',
      panel: '#343746',
      text: '#f8f8f2',
      muted: '#a0a4b8',
      border: '#565a70',
      accent: '#bd93f9',
      code: { keyword: '#ff79c6', string: '#f1fa8c', comment: '#8292c4', number: '#bd93f9' },
    },
  ],
};

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface PageText {
  /** For ui pages: labels, values, menu items, buttons. */
  strings: string[];
  /** For doc pages: whole paragraphs. */
  paragraphs: string[];
  /** For code pages: lines as the file has them. */
  lines: string[];
}

export interface PageStyle {
  theme: Theme;
  font: string;
  fontSize: number;
}

function frame(style: PageStyle, body: string, extraCss = ''): string {
  const t = style.theme;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    html, body { margin: 0; background: ${t.background}; }
    #shot { display: inline-block; padding: 14px 18px; background: ${t.background}; color: ${t.text};
            font-family: ${style.font}; font-size: ${style.fontSize}px; }
    ${extraCss}
  </style></head><body><div id="shot">${body}</div></body></html>`;
}

const gt = (tag: string, text: string, attrs = '') => `<${tag} data-gt ${attrs}>${escapeHtml(text)}</${tag}>`;

/** A dialog or settings window: title, label/field rows, checkboxes, a menu, buttons side by side. */
export function uiPage(random: Random, style: PageStyle, strings: string[]): string {
  const t = style.theme;
  const take = () => strings.shift() ?? '';
  const template = random.pick(['form', 'menu', 'settings', 'message'] as const);
  const width = random.int(360, 760);
  let inner = `<div class="title">${gt('span', take())}</div>`;
  if (template === 'form') {
    const rows = random.int(3, 7);
    inner += '<table class="form">';
    for (let i = 0; i < rows; i++)
      inner += `<tr><td>${gt('span', take())}</td><td><div class="field">${gt('span', take())}</div></td></tr>`;
    inner += '</table>';
  } else if (template === 'menu') {
    const rows = random.int(5, 11);
    const keys = ['Ctrl+N', 'Ctrl+O', 'Ctrl+S', 'Shift+Ctrl+S', 'Ctrl+W', 'F5', 'Ctrl+Q', 'Alt+Enter', 'Del', 'Ctrl+Z'];
    inner += '<div class="menu">';
    for (let i = 0; i < rows; i++) {
      const key = random.chance(0.4) ? gt('span', random.pick(keys), 'class="key"') : '';
      inner += `<div class="item">${gt('span', take())}${key}</div>`;
      if (random.chance(0.15)) inner += '<hr>';
    }
    inner += '</div>';
  } else if (template === 'settings') {
    const rows = random.int(3, 8);
    inner += `<fieldset><legend>${gt('span', take())}</legend>`;
    for (let i = 0; i < rows; i++)
      inner += `<div class="check"><input type="checkbox" ${random.chance(0.5) ? 'checked' : ''}>${gt('label', take())}</div>`;
    inner += '</fieldset>';
  } else {
    const lines = random.int(1, 3);
    for (let i = 0; i < lines; i++) inner += `<p class="message">${gt('span', take())}</p>`;
  }
  const buttons = random.int(1, 3);
  inner += '<div class="buttons">';
  for (let i = 0; i < buttons; i++)
    inner += `<button class="${i === buttons - 1 ? 'primary' : ''}">${gt('span', take())}</button>`;
  inner += '</div>';
  const css = `
    .window { width: ${width}px; border: 1px solid ${t.border}; border-radius: 6px; background: ${t.panel}; padding: 0 0 12px; }
    .title { padding: 6px 12px; font-weight: bold; border-bottom: 1px solid ${t.border}; margin-bottom: 10px; }
    table.form { border-spacing: 12px 6px; }
    .field { border: 1px solid ${t.border}; background: ${t.background}; padding: 3px 6px; min-width: 140px; border-radius: 3px; }
    .menu { padding: 0 4px; }
    .menu .item { display: flex; justify-content: space-between; gap: 40px; padding: 4px 10px; }
    .menu .key { color: ${t.muted}; }
    hr { border: 0; border-top: 1px solid ${t.border}; margin: 3px 8px; }
    fieldset { margin: 0 12px; border: 1px solid ${t.border}; }
    .check { padding: 3px 0; display: flex; align-items: center; gap: 6px; }
    .message { margin: 6px 14px; }
    .buttons { display: flex; justify-content: flex-end; gap: 10px; padding: 12px 12px 0; }
    button { font: inherit; color: ${t.text}; background: ${t.background}; border: 1px solid ${t.border}; border-radius: 4px; padding: 4px 14px; }
    button.primary { background: ${t.accent}; color: #fff; border-color: ${t.accent}; }
    label { color: inherit; }`;
  return frame(style, `<div class="window">${inner}</div>`, css);
}

/** A page of a document: headings and paragraphs, sometimes indented, justified or in columns. */
export function docPage(random: Random, style: PageStyle, paragraphs: string[], heading?: string): string {
  const columns = random.chance(0.2) ? 2 : 1;
  const width = columns === 2 ? random.int(760, 1000) : random.int(420, 880);
  const indent = random.chance(0.3);
  const justify = random.chance(0.3);
  const lineHeight = (1.25 + random.next() * 0.45).toFixed(2);
  let body = heading ? gt('h2', heading) : '';
  paragraphs.forEach((p, i) => {
    body += random.chance(0.12) && i > 0 ? gt('blockquote', p) : gt('p', p);
  });
  const css = `
    .doc { width: ${width}px; line-height: ${lineHeight}; column-count: ${columns}; column-gap: 36px;
           text-align: ${justify ? 'justify' : 'left'}; }
    .doc p { margin: 0 0 0.8em; text-indent: ${indent ? '2em' : '0'}; }
    .doc h2 { font-size: 1.35em; margin: 0 0 0.6em; }
    .doc blockquote { margin: 0 0 0.8em 2.5em; color: ${style.theme.muted}; }`;
  return frame(style, `<div class="doc">${body}</div>`, css);
}

/** A string, a keyword or a number, in an HTML-escaped line. */
const tokens =
  /(&quot;[^&]*&quot;|'[^']*')|\b(sub|my|our|use|package|return|if|elsif|else|unless|for|foreach|while|local|require|function|def|class|import|from|const|let|var|then|fi|do|done|case|esac|export)\b|\b\d+\b/g;

/** Source code in an editor theme: one element per line, tokens coloured as an editor would. */
export function codePage(random: Random, style: PageStyle, lines: string[]): string {
  const c = style.theme.code;
  const colour = (line: string) => {
    const comment = /^(\s*)(#|\/\/|;)(.*)$/.exec(line);
    if (comment) return `<span style="color:${c.comment}">${escapeHtml(line)}</span>`;
    // One pass over the line: markup put in is never scanned again (a number pass after the
    // keyword pass once coloured the 859900 of a keyword's own colour, and drew it as text).
    return escapeHtml(line).replace(tokens, (token, string?: string, keyword?: string) => {
      const colour = string ? c.string : keyword ? c.keyword : c.number;
      return `<span style="color:${colour}">${token}</span>`;
    });
  };
  const body = lines.map((l) => `<div class="line" data-gt>${colour(l) || '&#8203;'}</div>`).join('');
  const css = `.code { white-space: pre; line-height: ${(1.3 + random.next() * 0.3).toFixed(2)}; }`;
  return frame(style, `<div class="code">${body}</div>`, css);
}

/** Headings and banners at display sizes (36–100 CSS px). */
export function largePage(random: Random, style: PageStyle, strings: string[]): string {
  const body = strings
    .map(
      (s) =>
        `<div style="font-size:${random.int(36, 100)}px;font-weight:${random.pick([400, 700])}" data-gt>${escapeHtml(s)}</div>`,
    )
    .join('');
  return frame(style, `<div style="max-width:1400px">${body}</div>`);
}
