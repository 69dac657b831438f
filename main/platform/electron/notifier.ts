import { Notification } from 'electron';
import type { Notifier } from '../types.js';

export const electronNotifier: Notifier = {
  show(title, body) {
    if (Notification.isSupported()) new Notification({ title, body, silent: true }).show();
  },
};
