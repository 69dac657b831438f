// What a launch of the app asks for. Desktop portals may refuse global shortcuts (Wayland), so
// a desktop environment's own shortcut can run `ocr-assistant --capture` instead: the second
// launch hands its command line to the running instance, which does the action.
import type { DesktopPlatform } from '../../app/ipc.js';

export type LaunchAction = 'capture' | 'clipboard' | 'show';

/** `--capture` and `--clipboard` ask for that action; any other launch shows the main window. */
export function launchAction(argv: readonly string[]): LaunchAction {
  if (argv.includes('--capture')) return 'capture';
  if (argv.includes('--clipboard')) return 'clipboard';
  return 'show';
}

/**
 * The Chromium features this desktop needs, merged into one `enable-features` value with any
 * given on the command line: Chromium honours only the last `--enable-features`, so a second
 * switch would silently drop the first. On Wayland (GNOME, and KDE since Electron 38 runs
 * natively there) capture goes through PipeWire and global shortcuts through the portal.
 */
export function chromiumFeatures(
  platform: DesktopPlatform,
  env: Record<string, string | undefined>,
  given = '',
): string | undefined {
  const wanted =
    platform === 'linux' && env.XDG_SESSION_TYPE === 'wayland'
      ? ['WebRTCPipeWireCapturer', 'GlobalShortcutsPortal']
      : [];
  if (!wanted.length) return undefined;
  return [
    ...new Set([
      ...given
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
      ...wanted,
    ]),
  ].join(',');
}
