// desktopCapturer at each display's native size. On Wayland, Electron goes through the
// xdg-desktop-portal (PipeWire), enabled in main/index.ts; on macOS the Screen Recording
// permission is checked first so the user learns how to grant it instead of seeing black.
import { desktopCapturer, systemPreferences } from 'electron';
import type { CapturePermission, ScreenCapture } from '../types.js';

export const electronScreenCapture: ScreenCapture = {
  permission(): CapturePermission {
    if (process.platform !== 'darwin') return 'granted';
    const status = systemPreferences.getMediaAccessStatus('screen');
    return status === 'granted' ? 'granted' : status === 'not-determined' ? 'not-determined' : 'denied';
  },
  howToGrant(): string {
    if (process.platform === 'darwin') return 'Allow OCR Assistant in System Settings → Privacy & Security → Screen Recording, then restart it.';
    if (process.env.XDG_SESSION_TYPE === 'wayland') return 'Approve the screen-sharing prompt of your desktop (xdg-desktop-portal must be installed).';
    return 'Check that the display server allows screen capture.';
  },
  async captureAll(displays) {
    // One request at the largest native size: each source's thumbnail keeps its own aspect.
    const width = Math.max(...displays.map((d) => Math.round(d.bounds.width * d.scaleFactor)));
    const height = Math.max(...displays.map((d) => Math.round(d.bounds.height * d.scaleFactor)));
    const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width, height } });
    return sources.flatMap((source, index) => {
      // display_id is empty on some Linux setups: fall back to the order of the displays.
      const display = displays.find((d) => String(d.id) === source.display_id) ?? (source.display_id ? undefined : displays[index]);
      if (!display) return [];
      const size = source.thumbnail.getSize();
      return [{ displayId: display.id, png: source.thumbnail.toPNG(), width: size.width, height: size.height }];
    });
  },
};
