// A key press as an Electron accelerator (CommandOrControl+Alt+O), or null when it is not one
// we can register: a modifier alone, or a letter without a modifier (it would fire while typing).
// The platform's primary modifier (Ctrl; Command on macOS) is written CommandOrControl; the
// other (Control on macOS; the Windows or Super key elsewhere) by its own name.
import type { DesktopPlatform } from '../../../app/ipc.js';

type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const named: Record<string, string> = {
  ' ': 'Space',
  PrintScreen: 'PrintScreen',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
};

export function acceleratorOf(event: KeyPress, platform: DesktopPlatform = 'linux'): string | null {
  let key: string | undefined;
  // The physical key, so that Alt or Shift changing the character (Alt+O = ø on a Mac) does not matter.
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  else if (/^Digit\d$/.test(event.code)) key = event.code.slice(5);
  else if (/^F([1-9]|1\d|2[0-4])$/.test(event.key)) key = event.key;
  else key = named[event.key];
  if (!key) return null;
  const mac = platform === 'darwin';
  const primary = mac ? event.metaKey : event.ctrlKey;
  const secondary = mac ? event.ctrlKey : event.metaKey;
  const modifiers = [
    primary ? 'CommandOrControl' : '',
    secondary ? (mac ? 'Control' : 'Super') : '',
    event.altKey ? 'Alt' : '',
    event.shiftKey ? 'Shift' : '',
  ].filter(Boolean);
  if (!modifiers.length && key.length === 1) return null;
  return [...modifiers, key].join('+');
}
