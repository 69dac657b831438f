// The views in jsdom against a fake window.ocr: what a user sees and what each action asks of main.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ResultPanel from '../../renderer/src/views/ResultPanel.svelte';
import HistoryView from '../../renderer/src/views/HistoryView.svelte';
import SettingsView from '../../renderer/src/views/SettingsView.svelte';
import type { DroppedEntry } from '../../renderer/src/lib/dropped-files.js';
import { ResultState } from '../../renderer/src/state/result.svelte.js';
import { HistoryState } from '../../renderer/src/state/history.svelte.js';
import { SettingsState } from '../../renderer/src/state/settings.svelte.js';
import { fakeOcrApi, sampleFrom, sampleRecognition, tinyPng, type FakeOcrApi } from '../fakes/ocr-api.js';
import type { DownLoadInfo } from '../../app/protocol/index.js';

// jsdom cannot draw a PDF page (pdf.js wants a real canvas; the end-to-end test draws them in
// Chromium): here a dropped PDF opens as two pages, or fails to open when it is named broken.
const closedPdfs: string[] = [];
vi.mock('../../renderer/src/lib/pdf-pages.js', async (original) => ({
  ...(await original<typeof import('../../renderer/src/lib/pdf-pages.js')>()),
  pdfPageItems: async (files: File[]) => ({
    items: files
      .filter((f) => !f.name.startsWith('broken'))
      .flatMap((f) => [1, 2].map((n) => ({ name: `${f.name} p. ${n}`, bytes: async () => tinyPng }))),
    failed: files
      .filter((f) => f.name.startsWith('broken'))
      .map((f) => `${f.name} could not be read: the PDF could not be read`),
    close: async () => void closedPdfs.push(...files.map((f) => f.name)),
  }),
}));

let fake: FakeOcrApi;
beforeEach(() => {
  fake = fakeOcrApi();
  window.ocr = fake.api;
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => {};
});
afterEach(() => cleanup());

async function resultPanel(recognition = sampleRecognition()) {
  const result = new ResultState();
  const settings = new SettingsState();
  await settings.load();
  result.show(recognition);
  render(ResultPanel, { result, settings });
  return result;
}

/** The panel showing a text answer (state 2) whose `message` the server wrote as given. */
const panelAnswering = (message: string) =>
  resultPanel(
    sampleFrom({ response: { id: 'r', ocrType: 0, state: 2, message, result: { autoText: 'x', resultType: 0 } } }),
  );

/** The panel showing the formula a/b as read in formula mode. */
const formulaPanel = () =>
  resultPanel(
    sampleFrom({
      mode: 'formula',
      text: '\\frac{a}{b}',
      response: { id: 'r', ocrType: 3, state: 2, result: { resultType: 1, autoText: '\\frac{a}{b}' } },
    }),
  );

describe('the main window before any result', () => {
  async function emptyPanel() {
    const result = new ResultState();
    const settings = new SettingsState();
    await settings.load();
    render(ResultPanel, { result, settings });
  }

  it('lists the hotkeys as the platform writes them, and its capture button starts a capture', async () => {
    fake.answers.appStatus = { platform: 'darwin', trayAvailable: true };
    await emptyPanel();
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual(['⌥⌘O', '⌥⇧⌘O', '⌥⇧⌘R']);
    expect(document.body.textContent).not.toMatch(/CommandOrControl/);
    expect(screen.queryByTestId('no-tray')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Capture a region' }));
    expect(fake.calls.map((c) => c.name)).toContain('startCapture');
  });

  it('says that this window is the app where the desktop shows no tray icon', async () => {
    fake.answers.appStatus = { platform: 'linux', trayAvailable: false };
    await emptyPanel();
    expect(screen.getByTestId('no-tray').textContent).toMatch(/shows no tray icons, so this window is OCR Assistant/);
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual([
      'Ctrl+Alt+O',
      'Ctrl+Alt+Shift+O',
      'Ctrl+Alt+Shift+R',
    ]);
  });
});

describe('result panel', () => {
  it('shows every line beside a box on the image, with the language, line count and time', async () => {
    await resultPanel();
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.trim())).toEqual([
      'Build failed',
      'error TS2304: Cannot find name',
      '第 3 行',
    ]);
    expect(document.querySelectorAll('rect[data-line]')).toHaveLength(3);
    expect(screen.getByTestId('result-facts').textContent).toMatch(/English · 3 lines · 42 ms/);
    expect((screen.getByLabelText('Text', { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe(
      'Build failed\nerror TS2304: Cannot find name\n第 3 行',
    );
  });

  it('shows each line with its translation, hides it on request, and copies the translation', async () => {
    const lines = sampleRecognition().lines.map((l, i) => ({
      ...l,
      trans: ['Compilación fallida', 'error TS2304: no se encuentra el nombre', 'línea 3'][i],
    }));
    await resultPanel(
      sampleFrom({
        lines,
        response: {
          id: 'r',
          ocrType: 0,
          state: 2,
          result: {
            autoText: 'x',
            resultType: 0,
            transLocText: JSON.stringify([
              { words: 'Compilación fallida', pageIndex: 0, location: lines[0]!.location },
              { words: 'error TS2304: no se encuentra el nombre línea 3', pageIndex: 0, location: lines[1]!.location },
            ]),
          },
        },
      }),
    );
    expect(screen.getAllByTestId('line-trans').map((e) => e.textContent)).toEqual(lines.map((l) => l.trans));
    // Hovering a line lights it with its translation: they are one item.
    await fireEvent.pointerEnter(screen.getAllByRole('listitem')[1]!);
    expect(screen.getAllByRole('listitem')[1]!.classList.contains('hot')).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Copy translation' }));
    expect(fake.calls.filter((c) => c.name === 'copyText').at(-1)?.args).toEqual({
      text: 'Compilación fallida\nerror TS2304: no se encuentra el nombre línea 3',
    });
    await fireEvent.click(screen.getByLabelText('Show the translation'));
    expect(screen.queryAllByTestId('line-trans')).toHaveLength(0);
  });

  it('says why a translation asked for did not come', async () => {
    await panelAnswering(
      'no translation: this server has no translator (start it with --translator apertium:URL or libretranslate:URL)',
    );
    expect(screen.getByTestId('translation-note').textContent).toMatch(
      /^no translation: this server has no translator/,
    );
    expect(screen.queryByRole('button', { name: 'Copy translation' })).toBeNull();
  });

  it('says when a large image was read scaled down, as the server answered', async () => {
    await panelAnswering(
      'the image is 8000x6000 pixels (48 MP), more than the engine reads at once: it was read at 91% of its size; boxes are in its own pixels',
    );
    expect(screen.getByTestId('read-scaled').textContent).toMatch(/read at 91% of its size/);
  });

  it('shows a recognition in progress: its image, the lines so far, the time waited, and Cancel or Esc to stop', async () => {
    const result = await resultPanel();
    const lines = sampleRecognition().lines.slice(0, 2);
    result.recognizing(true, { bytes: tinyPng, width: 300, height: 90 });
    await waitFor(() => expect(screen.getByTestId('reading')).toBeTruthy(), { timeout: 1000 });
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    result.progress({ lines, elapsedMs: 300 });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(document.querySelectorAll('rect[data-line]')).toHaveLength(2);
    // Below the last line read, the image is shaded: not read yet.
    expect(document.querySelector('[data-testid="unread"]')?.getAttribute('y')).toBe('60');
    expect(screen.getByTestId('reading-facts').textContent).toMatch(/^2 lines so far · \d+\.\d s$/);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(fake.calls.filter((c) => c.name === 'cancelRecognition')).toHaveLength(2);
    result.recognizing(false);
    await waitFor(() => expect(screen.queryByTestId('reading')).toBeNull());
    expect(screen.getAllByRole('listitem')).toHaveLength(3); // the result shown before is back
  });

  it('lights the line when its box is hovered, and the box when its line is hovered', async () => {
    await resultPanel();
    await fireEvent.pointerEnter(document.querySelector('rect[data-line="1"]')!);
    expect(document.querySelector('li[data-line="1"]')!.classList.contains('hot')).toBe(true);
    await fireEvent.pointerLeave(document.querySelector('rect[data-line="1"]')!);
    await fireEvent.pointerEnter(document.querySelector('li[data-line="2"]')!);
    expect(document.querySelector('rect[data-line="2"]')!.classList.contains('hot')).toBe(true);
    expect(document.querySelector('li[data-line="1"]')!.classList.contains('hot')).toBe(false);
  });

  it('copies the edited text, or a single line', async () => {
    await resultPanel();
    const text = screen.getByLabelText('Text', { selector: 'textarea' }) as HTMLTextAreaElement;
    await fireEvent.input(text, { target: { value: 'Build failed (edited)' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy all' }));
    expect(fake.calls.find((c) => c.name === 'copyText')?.args).toEqual({ text: 'Build failed (edited)' });
    await waitFor(() => screen.getByRole('button', { name: 'Copied' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Copy this line: 第 3 行' }));
    expect(fake.calls.filter((c) => c.name === 'copyText').at(-1)?.args).toEqual({ text: '第 3 行' });
  });

  it('re-runs with another mode or option', async () => {
    fake.answers.rerun = () => sampleRecognition({ id: '99999999-2222-4333-8444-555555555555', mode: 'vertical' });
    await resultPanel();
    await fireEvent.click(screen.getByLabelText('Vertical'));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.name === 'rerun')?.args).toEqual({
        id: '11111111-2222-4333-8444-555555555555',
        mode: 'vertical',
        options: {},
      }),
    );
    await fireEvent.click(screen.getByLabelText('Half-width'));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'rerun').at(-1)?.args).toMatchObject({ options: { half: true } }),
    );
  });

  it('shows a table as a grid', async () => {
    const rows = [
      ['Name', 'Qty'],
      ['Bolt', '4'],
    ];
    await resultPanel(
      sampleFrom({
        mode: 'table',
        response: { id: 'r', ocrType: 2, state: 2, result: { resultType: 2, spiltText: JSON.stringify(rows) } },
      }),
    );
    const cells = [...document.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['Name', 'Qty', 'Bolt', '4']);
  });

  it("spans merged table cells as on screen and lights a cell's box on hover", async () => {
    const at = (words: string, row: number, col: number, rowSpan = 1, colSpan = 1) => ({
      words,
      pageIndex: 0,
      row,
      col,
      rowSpan,
      colSpan,
      location: { left: col * 60, top: row * 20, width: 60 * colSpan, height: 20 * rowSpan },
    });
    const lines = [
      at('Region', 0, 0, 2),
      at('Revenue', 0, 1, 1, 2),
      at('Spring', 1, 1),
      at('Autumn', 1, 2),
      at('North', 2, 0),
      at('1200', 2, 1),
      at('', 2, 2),
    ];
    const rows = [
      ['Region', 'Revenue', ''],
      ['', 'Spring', 'Autumn'],
      ['North', '1200', ''],
    ];
    await resultPanel(
      sampleFrom({
        mode: 'table',
        lines,
        response: { id: 'r', ocrType: 2, state: 2, result: { resultType: 2, spiltText: JSON.stringify(rows) } },
      }),
    );
    const grid = [...document.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map(
        (td) => `${td.textContent}${td.rowSpan > 1 ? ` r${td.rowSpan}` : ''}${td.colSpan > 1 ? ` c${td.colSpan}` : ''}`,
      ),
    );
    expect(grid).toEqual([
      ['Region r2', 'Revenue c2'],
      ['Spring', 'Autumn'],
      ['North', '1200', ''],
    ]);
    expect(screen.getByTestId('result-facts').textContent).toMatch(/7 cells/);
    await fireEvent.pointerEnter(screen.getByText('Revenue', { selector: 'td' }));
    expect(document.querySelector('rect[data-line="1"]')!.classList.contains('hot')).toBe(true);
  });

  it("offers the result's files as export buttons and says where one was saved", async () => {
    fake.answers.saveResultFile = () => ({ saved: '/home/user/Downloads/ocr.xlsx' });
    const files = [
      { url: 'http://127.0.0.1:1/files/x/ocr.xlsx', fileType: 4, desc: 'Excel workbook' },
      { url: 'http://127.0.0.1:1/files/x/ocr.pdf', fileType: 1, desc: 'searchable PDF' },
    ] as DownLoadInfo[];
    const sample = sampleFrom({ response: { id: 'r', ocrType: 2, state: 2, result: { resultType: 0, files } } });
    const result = await resultPanel(sample);
    expect(
      screen
        .getAllByRole('button')
        .filter((b) => b.closest('.exports'))
        .map((b) => b.textContent?.trim()),
    ).toEqual(['Excel', 'PDF']);
    await fireEvent.click(screen.getByRole('button', { name: 'Excel' }));
    expect(fake.calls.find((c) => c.name === 'saveResultFile')?.args).toEqual({
      id: '11111111-2222-4333-8444-555555555555',
      fileType: 4,
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved: /home/user/Downloads/ocr.xlsx'));
    // The next result's files are not saved yet: the note goes with the result it was about.
    result.show({ ...sample, id: '11111111-2222-4333-8444-666666666666' });
    await waitFor(() => expect(screen.queryByText(/^Saved: /)).toBeNull());
  });

  it('lists the QR codes found, to copy or (a web link) to open', async () => {
    const desc = JSON.stringify([
      {
        format: 'QRCode',
        text: 'https://example.org/pair?id=42',
        location: { left: 500, top: 40, width: 100, height: 100 },
      },
      { format: 'Code128', text: 'ABC-123', location: { left: 10, top: 10, width: 200, height: 40 } },
    ]);
    await resultPanel(
      sampleFrom({
        lines: [],
        text: '',
        response: { id: 'r', ocrType: 0, state: 2, desc, result: { resultType: 0, autoText: '' } },
      }),
    );
    expect(screen.queryByText('No text was found in this image.')).toBeNull();
    // each code is marked where it stands on the image
    const marked = document.querySelector('rect[data-code="0"]')!;
    expect([marked.getAttribute('x'), marked.getAttribute('y'), marked.getAttribute('width')]).toEqual([
      '500',
      '40',
      '100',
    ]);
    expect(document.querySelectorAll('rect[data-code]')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('https://example.org/pair?id=42');
    expect(screen.getAllByRole('link')).toHaveLength(1); // no link for the barcode's plain text
    await fireEvent.click(screen.getByRole('button', { name: 'Copy: ABC-123' }));
    expect(fake.calls.find((c) => c.name === 'copyText')?.args).toEqual({ text: 'ABC-123' });
  });

  it('renders a formula with KaTeX and copies it as LaTeX or as MathML', async () => {
    await formulaPanel();
    expect(document.querySelector('.katex')).not.toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy LaTeX' }));
    expect(fake.calls.find((c) => c.name === 'copyText')?.args).toEqual({ text: '\\frac{a}{b}' });
    await fireEvent.click(screen.getByRole('button', { name: 'Copy MathML' }));
    const copied = fake.calls.filter((c) => c.name === 'copyText').at(-1)?.args as { text: string };
    expect(copied.text).toMatch(/^<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"/);
    expect(copied.text).toContain('<mfrac><mi>a</mi><mi>b</mi></mfrac>');
  });

  it('typesets the LaTeX as the user corrects it, and copies the corrected LaTeX', async () => {
    await formulaPanel();
    const source = screen.getByLabelText(/^LaTeX/, { selector: 'textarea' });
    await fireEvent.input(source, { target: { value: '\\sqrt{x}' } });
    await waitFor(() => expect(document.querySelector('.katex .sqrt')).not.toBeNull());
    expect(document.querySelector('.katex .mfrac')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy LaTeX' }));
    expect(fake.calls.filter((c) => c.name === 'copyText').at(-1)?.args).toEqual({ text: '\\sqrt{x}' });
  });

  it('explains each option beside its checkbox, and names each export in words', async () => {
    await resultPanel(
      sampleRecognition({
        response: {
          id: 'r',
          ocrType: 0,
          state: 2,
          result: { autoText: 'x', files: [{ url: 'http://s/files/x/ocr.docx', fileType: 2, desc: 'Word document' }] },
        },
      }),
    );
    const half = screen.getByLabelText('Half-width');
    expect(document.getElementById(half.getAttribute('aria-describedby')!)?.textContent).toMatch(/full-width/);
    expect(screen.getByRole('button', { name: 'Word' }).getAttribute('title')).toBe(
      'A Word document with the text (a table as a Word table)',
    );
  });

  it('opens image files from its Open button and reads them as dropped ones', async () => {
    fake.answers.recognizeImage = () => sampleRecognition({ id: '22222222-2222-4333-8444-555555555555' });
    await resultPanel();
    const chooser = screen.getByTestId('open-files') as HTMLInputElement;
    let clicked = 0;
    chooser.addEventListener('click', () => clicked++);
    await fireEvent.click(screen.getByRole('button', { name: 'Open…' }));
    expect(clicked).toBe(1);
    const file = new File([tinyPng], 'shot.png', { type: 'image/png' });
    Object.defineProperty(chooser, 'files', { value: [file], configurable: true });
    await fireEvent.change(chooser);
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'recognizeImage')).toHaveLength(1));
    // The file's name goes with it: the result's documents are titled with it.
    expect(fake.calls.find((c) => c.name === 'recognizeImage')?.args).toMatchObject({ name: 'shot.png' });
  });

  it('reads dropped folders of images and PDFs one by one with progress, and names what it could not read', async () => {
    const result = await resultPanel();
    let n = 0;
    fake.answers.recognizeImage = () => {
      n++;
      if (n === 2) throw new Error('not an image OCR Assistant can read');
      return sampleRecognition({ id: `00000000-0000-4000-8000-00000000000${n}`, text: `page ${n}` });
    };
    const png = (name: string) => new File([tinyPng], name, { type: 'image/png' });
    const folder = (name: string, children: DroppedEntry[]): DroppedEntry => {
      let given = false;
      return {
        isFile: false,
        isDirectory: true,
        name,
        createReader: () => ({
          readEntries: (ok) => {
            ok(given ? [] : children);
            given = true;
          },
        }),
      };
    };
    const file = (f: File): DroppedEntry => ({ isFile: true, isDirectory: false, name: f.name, file: (ok) => ok(f) });
    const pdf = (name: string) => new File(['%PDF-1.7'], name, { type: 'application/pdf' });
    const drop = folder('shots', [
      file(png('b.png')),
      folder('more', [file(png('c.png'))]),
      file(pdf('report.pdf')),
      file(pdf('broken.pdf')),
      file(new File(['x'], 'notes.txt')),
      file(png('a.png')),
    ]);
    const items = [{ kind: 'file', webkitGetAsEntry: () => drop }];
    await fireEvent.drop(screen.getByLabelText('Result'), { dataTransfer: { items, files: [] } });
    // Three images, then the two pages of report.pdf.
    await waitFor(() => expect(fake.calls.filter((c) => c.name === 'recognizeImage')).toHaveLength(5));
    await waitFor(() => expect(result.busy).toBe(false));
    expect(result.current?.text).toBe('page 5');
    // One problem a line, each naming its file.
    expect(result.error?.split('\n')).toEqual([
      'broken.pdf could not be read: the PDF could not be read',
      'b.png could not be read: not an image OCR Assistant can read',
      'Left out, not images or PDFs: notes.txt',
    ]);
    expect(closedPdfs).toEqual(['broken.pdf', 'report.pdf']);
  });

  it('shows the progress state only when work takes longer than 150 ms, and the failure when it fails', async () => {
    const result = await resultPanel();
    result.setBusy(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('status')).toBeNull();
    await waitFor(() => screen.getByRole('status'), { timeout: 1000 });
    expect(screen.getByRole('status').textContent).toMatch(/Recognizing/);
    fake.answers.recognizeClipboard = new Error('The clipboard holds no image. Copy a screenshot or a picture first.');
    await result.recognizeClipboard();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/holds no image/));
  });
});

describe('history view', () => {
  it('lists entries, searches as you type, deletes one', async () => {
    const entries = [
      {
        id: 'a1111111-2222-4333-8444-555555555555',
        mode: 'text',
        createdAt: '2026-11-25T08:00:00.000Z',
        title: 'Invoice INV-2041',
        thumbnail: 'data:image/png;base64,AA==',
      },
      {
        id: 'b1111111-2222-4333-8444-555555555555',
        mode: 'table',
        createdAt: '2026-11-25T07:00:00.000Z',
        title: 'Q3 report',
        thumbnail: 'data:image/png;base64,AA==',
      },
    ];
    fake.answers.listHistory = (args: { query?: string } | undefined) =>
      entries.filter((e) => !args?.query || e.title.toLowerCase().includes(args.query.toLowerCase()));
    const opened: string[] = [];
    render(HistoryView, { history: new HistoryState(), onopen: (id: string) => opened.push(id) });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open:/ })).toHaveLength(2));
    await fireEvent.input(screen.getByLabelText('Search history'), { target: { value: 'invoice' } });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Open:/ })).toHaveLength(1));
    await fireEvent.click(screen.getByRole('button', { name: 'Open: Invoice INV-2041' }));
    expect(opened).toEqual(['a1111111-2222-4333-8444-555555555555']);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete: Invoice INV-2041' }));
    await waitFor(() => expect(screen.queryAllByRole('button', { name: /^Open:/ })).toHaveLength(0));
    expect(fake.calls.find((c) => c.name === 'deleteHistory')?.args).toEqual({
      id: 'a1111111-2222-4333-8444-555555555555',
    });
    await fireEvent.input(screen.getByLabelText('Search history'), { target: { value: 'zebra' } });
    await waitFor(() => screen.getByText('No entry contains “zebra”.'));
  });

  it("copies an entry's text from its row, and says so", async () => {
    fake.answers.listHistory = () => [
      {
        id: 'a1111111-2222-4333-8444-555555555555',
        mode: 'text',
        createdAt: '2026-11-25T08:00:00.000Z',
        title: 'Invoice INV-2041',
        thumbnail: 'data:image/png;base64,AA==',
      },
    ];
    render(HistoryView, { history: new HistoryState(), onopen: () => {} });
    const copy = await screen.findByRole('button', { name: 'Copy text: Invoice INV-2041' });
    await fireEvent.click(copy);
    expect(fake.calls.find((c) => c.name === 'copyHistory')?.args).toEqual({
      id: 'a1111111-2222-4333-8444-555555555555',
    });
    await waitFor(() => expect(copy.textContent).toBe('Copied'));
  });
});

describe('settings view', () => {
  it('records a hotkey, shows a conflict, switches the language at once', async () => {
    fake.answers.hotkeyProblems = [];
    const settings = new SettingsState();
    await settings.load();
    render(SettingsView, { settings });
    const change = await screen.findByRole('button', { name: 'Change: Capture a region' });
    await fireEvent.click(change);
    await fireEvent.keyDown(change, { key: 'ø', code: 'KeyO', altKey: true, shiftKey: true });
    expect(fake.calls.find((c) => c.name === 'updateSettings')?.args).toEqual({ hotkeys: { capture: 'Alt+Shift+O' } });
    fake.answers.hotkeyProblems = [
      {
        action: 'capture',
        accelerator: 'PrintScreen',
        message: 'PrintScreen is probably taken by the system screenshot tool.',
      },
    ];
    await fireEvent.click(change);
    await fireEvent.keyDown(change, { key: 'PrintScreen', code: 'PrintScreen' });
    await waitFor(() => screen.getByText(/probably taken by the system screenshot tool/));
    await fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    await waitFor(() => screen.getByText('快捷键'));
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('tests a translator, lists the pairs it offers, and saves it with its key', async () => {
    fake.answers.hotkeyProblems = [];
    fake.answers.testTranslator = () => ({
      pairs: [
        { source: 'en', target: 'es' },
        { source: 'es', target: 'en' },
      ],
    });
    const settings = new SettingsState();
    await settings.load();
    render(SettingsView, { settings });
    const section = await screen.findByTestId('translation-settings');
    await fireEvent.change(within(section).getByLabelText('Translator'), { target: { value: 'libretranslate' } });
    await fireEvent.input(within(section).getByLabelText('Translator address'), {
      target: { value: 'http://127.0.0.1:5000' },
    });
    await fireEvent.input(within(section).getByLabelText('API key (if the server needs one)'), {
      target: { value: 'k1' },
    });
    await fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    await waitFor(() =>
      expect(screen.getByTestId('translator-test').textContent).toBe(
        'It translates: English → Spanish, Spanish → English',
      ),
    );
    expect(fake.calls.find((c) => c.name === 'testTranslator')?.args).toEqual({
      translator: 'libretranslate',
      url: 'http://127.0.0.1:5000',
      key: 'k1',
    });
    await fireEvent.click(within(section).getByRole('button', { name: 'Use this translator' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.name === 'updateSettings').at(-1)?.args).toEqual({
        translation: { translator: 'libretranslate', url: 'http://127.0.0.1:5000' },
        translatorKey: 'k1',
      }),
    );
    // An address that is none is said at once, in the view's language.
    await fireEvent.input(within(section).getByLabelText('Translator address'), { target: { value: 'not a url' } });
    await fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    expect(screen.getByTestId('translator-test').textContent).toMatch(/^Not an address/);
  });

  it('pins the language other scripts are read in', async () => {
    fake.answers.hotkeyProblems = [];
    const settings = new SettingsState();
    await settings.load();
    render(SettingsView, { settings });
    const select = await screen.findByLabelText('Other scripts');
    expect((select as HTMLSelectElement).value).toBe('auto');
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Detect from the text',
      'Japanese',
      'Korean',
      'Traditional Chinese',
      'Cyrillic (Russian, Ukrainian)',
      'French',
      'German',
      'Spanish',
      'Italian',
      'Portuguese',
      'Chinese and English only',
    ]);
    await fireEvent.change(select, { target: { value: 'kor' } });
    expect(fake.calls.filter((c) => c.name === 'updateSettings').at(-1)?.args).toEqual({ readingLanguage: 'kor' });
  });

  it('tests a remote server and shows its quota', async () => {
    fake.answers.hotkeyProblems = [];
    fake.answers.testServer = {
      server: 'https://ocr.example.com',
      quota: { Account: 'api', TodayCount: 12, LimitCount: 988 },
    };
    const settings = new SettingsState();
    await settings.load();
    render(SettingsView, { settings });
    await fireEvent.click(await screen.findByLabelText('Another OCR Open API server'));
    await fireEvent.input(screen.getByLabelText('Server URL'), { target: { value: 'https://ocr.example.com' } });
    await fireEvent.input(screen.getByLabelText('Token'), { target: { value: 'ocr_abc' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    await waitFor(() => expect(screen.getByTestId('server-test').textContent).toMatch(/used today 12 · left 988/));
    expect(fake.calls.find((c) => c.name === 'testServer')?.args).toEqual({
      url: 'https://ocr.example.com',
      token: 'ocr_abc',
    });
  });
});
