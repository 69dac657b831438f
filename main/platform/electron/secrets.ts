import { safeStorage } from 'electron';
import type { SecretBox } from '../types.js';

export const electronSecrets: SecretBox = {
  // On Linux without a keyring, safeStorage falls back to a hard-coded key: not safe, so not available.
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};
