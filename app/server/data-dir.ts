import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the server keeps its tokens and uploads unless told: `OCR_ASSISTANT_DATA`, else the
 * platform's user data folder (the same place Electron's `app.getPath('userData')` points to).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.OCR_ASSISTANT_DATA) return env.OCR_ASSISTANT_DATA;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'OCR Assistant');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'OCR Assistant');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'OCR Assistant');
}
