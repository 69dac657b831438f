// Settings as the views see them: loaded once, every change sent to main (which validates and
// keeps it), the theme and language applied as soon as they change.
import type { Settings, SettingsPatch } from '../../../app/ipc.js';
import { api, unwrap } from '../lib/api.js';
import { i18n } from '../lib/i18n.svelte.js';

export class SettingsState {
  value = $state.raw<Settings | null>(null);
  error = $state<string | null>(null);
  saved = $state(false);

  async load(): Promise<void> {
    this.apply(await unwrap(api().getSettings()));
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
