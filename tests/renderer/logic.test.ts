// The overlay's selection geometry and the hotkey recorder's key reading, as tables.
import { describe, expect, it } from 'vitest';
import { Selection } from '../../renderer/src/state/selection.svelte.js';
import { acceleratorOf } from '../../renderer/src/lib/accelerator.js';
import { i18n, t } from '../../renderer/src/lib/i18n.svelte.js';

describe('selection', () => {
  it('draws from a drag in any direction, clamped to the display', () => {
    const s = new Selection(800, 600);
    s.press({ x: 300, y: 200 });
    s.moveTo({ x: 100, y: 700 });
    s.release();
    expect(s.rect).toEqual({ x: 100, y: 200, width: 200, height: 400 });
  });

  it('moves when dragged inside, never past an edge', () => {
    const s = new Selection(800, 600);
    s.press({ x: 10, y: 10 });
    s.moveTo({ x: 110, y: 60 });
    s.release();
    s.press({ x: 50, y: 30 });
    s.moveTo({ x: 2000, y: 30 });
    s.release();
    expect(s.rect).toEqual({ x: 700, y: 10, width: 100, height: 50 });
  });

  it('resizes by a handle, flipping over when dragged past the opposite edge', () => {
    const s = new Selection(800, 600);
    s.press({ x: 100, y: 100 });
    s.moveTo({ x: 200, y: 200 });
    s.release();
    s.press({ x: 200, y: 200 }, 'se');
    s.moveTo({ x: 250, y: 260 });
    s.release();
    expect(s.rect).toEqual({ x: 100, y: 100, width: 150, height: 160 });
    s.press({ x: 100, y: 100 }, 'w');
    s.moveTo({ x: 300, y: 999 });
    s.release();
    expect(s.rect).toEqual({ x: 250, y: 100, width: 50, height: 160 });
  });

  it('nudges with the arrow keys and grows with Alt; a click alone selects nothing', () => {
    const s = new Selection(800, 600);
    s.press({ x: 5, y: 5 });
    s.release();
    expect(s.rect).toBeNull();
    s.selectAll();
    s.nudge(10, 0);
    expect(s.rect).toEqual({ x: 0, y: 0, width: 800, height: 600 });
    s.press({ x: 0, y: 0 }, 'se');
    s.moveTo({ x: 100, y: 100 });
    s.release();
    s.nudge(10, 1);
    expect(s.rect).toEqual({ x: 10, y: 1, width: 100, height: 100 });
    s.nudge(-5, 5, true);
    expect(s.rect).toEqual({ x: 10, y: 1, width: 95, height: 105 });
  });
});

describe('acceleratorOf', () => {
  const press = (
    key: string,
    code: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  ) => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it.each([
    [press('o', 'KeyO', { ctrlKey: true, altKey: true }), 'CommandOrControl+Alt+O'],
    [press('ø', 'KeyO', { altKey: true }), 'Alt+O'],
    [press('O', 'KeyO', { metaKey: true, shiftKey: true }), 'Super+Shift+O'],
    [press('3', 'Digit3', { ctrlKey: true }), 'CommandOrControl+3'],
    [press('F9', 'F9'), 'F9'],
    [press('F9', 'F9', { shiftKey: true }), 'Shift+F9'],
    [press('PrintScreen', 'PrintScreen'), 'PrintScreen'],
    [press(' ', 'Space', { ctrlKey: true }), 'CommandOrControl+Space'],
    [press('o', 'KeyO'), null],
    [press('Shift', 'ShiftLeft', { shiftKey: true }), null],
    [press('Control', 'ControlLeft', { ctrlKey: true }), null],
    [press('Tab', 'Tab', { altKey: true }), null],
  ])('%o is %s', (event, expected) => {
    expect(acceleratorOf(event)).toBe(expected);
  });

  it('reads Command as the primary key on macOS and Control as its own, Win as Super on Windows', () => {
    expect(acceleratorOf(press('O', 'KeyO', { metaKey: true, shiftKey: true }), 'darwin')).toBe(
      'CommandOrControl+Shift+O',
    );
    expect(acceleratorOf(press('o', 'KeyO', { ctrlKey: true, altKey: true }), 'darwin')).toBe('Control+Alt+O');
    expect(acceleratorOf(press('O', 'KeyO', { metaKey: true, shiftKey: true }), 'win32')).toBe('Super+Shift+O');
  });
});

describe('messages', () => {
  it("write numbers as the view's language does, and leave strings as given", () => {
    i18n.language = 'en';
    expect(t('quota.label', { used: 1234, left: 998766 })).toBe('Used today 1,234 · Left 998,766');
    expect(t('export.saved', { name: 'scan 1000.png' })).toBe('Saved: scan 1000.png');
    i18n.language = 'zh-CN';
    expect(t('quota.label', { used: 0, left: 1000000 })).toBe('今日已用 0 · 剩余 1,000,000');
    i18n.language = 'en';
  });
});
