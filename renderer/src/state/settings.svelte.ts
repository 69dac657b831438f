// Settings as the views see them: loaded once, every change sent to main (which validates and
// keeps it), the theme and language applied as soon as they change.
import { acceleratorLabel, type AppStatus, type Settings, type SettingsPatch } from '../../../app/ipc.js';
import { api, unwrap } from '../lib/api.js';
import { i18n } from '../lib/i18n.svelte.js';

export class SettingsState {
  value = $state.raw<Settings | null>(null);
  /** Where the app runs: the platform's key names, and whether a tray icon shows. */
  status = $state.raw<AppStatus | null>(null);
  error = $state<string | null>(null);
  saved = $state(false);

  async load(): Promise<void> {
    const [settings, status] = await Promise.all([unwrap(api().getSettings()), unwrap(api().appStatus())]);
    this.status = status;
    this.apply(settings);
  }

  /** A hotkey as this platform writes it (⌥⌘O, Win+Shift+O, Ctrl+Alt+O). */
  hotkeyLabel(accelerator: string): string {
    return acceleratorLabel(accelerator, this.status?.platform ?? 'linux');
  }

  async update(patch: SettingsPatch): Promise<boolean> {
    try {
      this.apply(await unwrap(api().updateSettings(patch)));
      this.error = null;
      this.saved = true;
      return true;
    } catch (error) {
      this.error = (error as Error).message;
      this.saved = false;
      return false;
    }
  }

  apply(settings: Settings): void {
    this.value = settings;
    i18n.language = settings.language;
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.lang = settings.language;
  }
}
