// Who usually holds a global shortcut, so that "cannot register" can say more than "taken".
// Accelerators are compared in a normal form: modifiers sorted, CommandOrControl as Ctrl,
// the key in capitals.

const known: Array<[string, string]> = [
  ['PrintScreen', 'the system screenshot tool (or Flameshot, ShareX, Greenshot)'],
  ['Shift+PrintScreen', 'the system screenshot tool (GNOME, KDE Spectacle)'],
  ['Alt+PrintScreen', 'the system screenshot tool (window capture)'],
  ['Ctrl+PrintScreen', 'ShareX or the system screenshot tool'],
  ['Shift+Super+S', 'Windows Snipping Tool'],
  ['Shift+Super+T', 'PowerToys Text Extractor'],
  ['Ctrl+Shift+T', 'browsers (reopen closed tab) when focused'],
  ['F1', 'Snipaste'],
  ['F3', 'Snipaste (paste)'],
  ['F4', 'Umi-OCR'],
  ['Alt+Ctrl+T', 'the terminal launcher (GNOME, KDE)'],
  ['Alt+Ctrl+Delete', 'the operating system'],
  ['Ctrl+Escape+Shift', 'Task Manager'],
  ['Ctrl+Shift+3', 'macOS screenshot'],
  ['Ctrl+Shift+4', 'macOS screenshot'],
  ['Ctrl+Shift+5', 'macOS screenshot'],
  ['Alt+Ctrl+A', 'WeChat and QQ screenshots'],
  ['Alt+A', 'WeChat screenshot'],
  ['Alt+Shift+A', 'DingTalk / Feishu screenshots'],
];

const modifierNames: Record<string, string> = {
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  command: 'Ctrl',
  cmd: 'Ctrl',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

export function normalizeAccelerator(accelerator: string): string {
  const parts = accelerator
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  const key = parts.pop() ?? '';
  const modifiers = parts.map((p) => modifierNames[p.toLowerCase()] ?? p);
  // Electron reads keys case-insensitively (f8 is F8): so does the comparison.
  return [...new Set(modifiers)].sort().concat(key.toUpperCase()).join('+');
}

const owners = new Map(known.map(([accelerator, owner]) => [normalizeAccelerator(accelerator), owner]));

export function likelyOwner(accelerator: string): string | undefined {
  return owners.get(normalizeAccelerator(accelerator));
}
