// The user's settings in electron-store: defaults for a fresh install, every write validated
// against the contract's schema, and the remote server's token sealed with safeStorage (it is
// never stored in plain text, and never sent back to the renderer).
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  defaultSettingsFor,
  desktopPlatformOf,
  formerDefaultHotkeys,
  settingsSchema,
  type DesktopPlatform,
  type Settings,
  type SettingsPatch,
} from '../../app/ipc.js';
import type { SecretBox } from '../platform/types.js';

interface StoredSettings {
  settings: Settings;
  /** The remote server's token, sealed by the OS keychain, base64. */
  sealedToken?: string;
  /** The translation server's API key (LibreTranslate), sealed the same way. */
  sealedTranslatorKey?: string;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export class SettingsStore {
  private readonly store: Store<StoredSettings>;
  private readonly defaults: Settings;
  /** No settings file was there: the app's first launch on this machine (for this user). */
  readonly firstRun: boolean;

  constructor(
    dir: string,
    private readonly secrets: SecretBox,
    private readonly platform: DesktopPlatform = desktopPlatformOf(process.platform),
  ) {
    this.defaults = defaultSettingsFor(platform);
    this.firstRun = !existsSync(path.join(dir, 'settings.json'));
    this.store = new Store<StoredSettings>({ cwd: dir, name: 'settings', defaults: { settings: this.defaults } });
  }

  /** A fresh install's settings on this platform. */
  get defaultSettings(): Settings {
    return this.defaults;
  }

  /** The settings; anything in the file that no longer validates falls back to its default. */
  get(): Settings {
    const stored = this.store.get('settings') as Partial<Settings>;
    const merged = {
      ...this.defaults,
      ...stored,
      hotkeys: { ...this.defaults.hotkeys, ...this.ownHotkeys(stored.hotkeys) },
    };
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const repaired: Record<string, unknown> = { ...merged };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof Settings;
      repaired[key] = this.defaults[key];
    }
    return settingsSchema.parse(repaired);
  }

  /**
   * The hotkeys the user chose. On Windows the former defaults (Ctrl+Alt, which AltGr layouts
   * type characters with) were never chosen by anyone: they give way to the platform's own.
   */
  private ownHotkeys(stored: Partial<Settings['hotkeys']> | undefined): Partial<Settings['hotkeys']> {
    if (!stored || this.platform !== 'win32') return stored ?? {};
    return Object.fromEntries(
      Object.entries(stored).filter(
        ([action, accelerator]) => formerDefaultHotkeys[action as keyof Settings['hotkeys']] !== accelerator,
      ),
    );
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get();
    const { serverToken, server, hotkeys, translation, translatorKey, ...rest } = patch;
    if (serverToken !== undefined) this.seal('sealedToken', serverToken, 'token');
    if (translatorKey !== undefined) this.seal('sealedTranslatorKey', translatorKey, 'API key');
    const next = {
      ...current,
      ...rest,
      hotkeys: { ...current.hotkeys, ...hotkeys },
      translation: { ...current.translation, ...translation, keySet: this.store.has('sealedTranslatorKey') },
      server: server
        ? server.kind === 'remote'
          ? { ...server, tokenSet: this.store.has('sealedToken') }
          : server
        : current.server,
    };
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success)
      throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.store.set('settings', parsed.data);
    return parsed.data;
  }

  /** The remote server's token, unsealed; undefined when none was set. */
  serverToken(): string | undefined {
    const sealed = this.store.get('sealedToken');
    return sealed ? this.secrets.decrypt(sealed) : undefined;
  }

  /** The translator's API key, unsealed; undefined when none was set. */
  translatorKey(): string | undefined {
    const sealed = this.store.get('sealedTranslatorKey');
    return sealed ? this.secrets.decrypt(sealed) : undefined;
  }

  /** A secret sealed with the OS keychain, never in plain text; '' removes it. */
  private seal(key: 'sealedToken' | 'sealedTranslatorKey', secret: string, what: string): void {
    if (!secret) return this.store.delete(key);
    if (!this.secrets.isAvailable())
      throw new SettingsError(`the system keychain is not available, so the ${what} cannot be stored safely`);
    this.store.set(key, this.secrets.encrypt(secret));
  }
}
