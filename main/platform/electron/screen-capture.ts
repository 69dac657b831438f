// desktopCapturer at each display's native size. On Wayland, Electron goes through the
// xdg-desktop-portal (PipeWire), enabled in main/index.ts; on macOS the Screen Recording
// permission is checked first so the user learns how to grant it instead of seeing black.
import { desktopCapturer, shell, systemPreferences } from 'electron';
import { matchSourcesToDisplays } from '../../capture/source-match.js';
import type { CapturePermission, ScreenCapture } from '../types.js';

export const electronScreenCapture: ScreenCapture = {
  permission(): CapturePermission {
    if (process.platform !== 'darwin') return 'granted';
    const status = systemPreferences.getMediaAccessStatus('screen');
    return status === 'granted' ? 'granted' : status === 'not-determined' ? 'not-determined' : 'denied';
  },
  openPermissionSettings(): void {
    if (process.platform === 'darwin')
      void shell.openExternal('x-apple.systempreferences:com.apple.preference.security?Privacy_ScreenCapture');
  },
  howToGrant(): string {
    if (process.platform === 'darwin')
      return 'Turn on OCR Assistant in System Settings → Privacy & Security → Screen Recording (opened for you), then quit and start OCR Assistant again.';
    if (process.env.XDG_SESSION_TYPE === 'wayland')
      return 'Approve the screen-sharing prompt of your desktop (xdg-desktop-portal must be installed).';
    return 'Check that the display server allows screen capture.';
  },
  async captureAll(displays) {
    // One request at the largest native size: each source's thumbnail keeps its own aspect.
    const width = Math.max(...displays.map((d) => Math.round(d.bounds.width * d.scaleFactor)));
    const height = Math.max(...displays.map((d) => Math.round(d.bounds.height * d.scaleFactor)));
    const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width, height } });
    const displaysShown = matchSourcesToDisplays(
      sources.map((source) => ({ displayId: source.display_id, ...source.thumbnail.getSize() })),
      displays,
    );
    return sources.flatMap((source, index) => {
      const display = displaysShown[index];
      if (!display) return [];
      const size = source.thumbnail.getSize();
      return [{ displayId: display.id, png: source.thumbnail.toPNG(), width: size.width, height: size.height }];
    });
  },
};
