// Every invoke channel of the contract, handled the same way: the sender must be one of our
// windows showing our own page, the argument must pass the contract's schema, and whatever
// happens comes back as an Outcome, never as an exception across IPC.
import type { z } from 'zod';
import { failureOf, invokeChannels, type InvokeName, type InvokeResults, type Outcome } from '../../app/ipc.js';

/** The part of an IpcMainInvokeEvent the checks need. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, arg: unknown) => Promise<unknown>): void;
}

export type Handlers = {
  [K in InvokeName]: (
    args: z.output<(typeof invokeChannels)[K]['args']>,
    event: InvokeEvent,
  ) => Promise<InvokeResults[K]> | InvokeResults[K];
};

export function registerHandlers(
  ipc: IpcMainLike,
  handlers: Handlers,
  isTrusted: (event: InvokeEvent) => boolean,
  log: (message: string) => void,
): void {
  for (const name of Object.keys(invokeChannels) as InvokeName[]) {
    const { channel, args } = invokeChannels[name];
    const handler = handlers[name] as (args: unknown, event: InvokeEvent) => unknown;
    ipc.handle(channel, async (event, raw): Promise<Outcome<unknown>> => {
      if (!isTrusted(event)) {
        log(`refused ${channel} from ${event.senderFrame?.url ?? 'an unknown frame'}`);
        return { ok: false, error: { kind: 'forbidden', message: 'this window may not call OCR Assistant' } };
      }
      const parsed = args.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            kind: 'invalid',
            message: parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; '),
          },
        };
      }
      try {
        return { ok: true, value: await handler(parsed.data, event) };
      } catch (error) {
        return { ok: false, error: failureOf(error) };
      }
    });
  }
}

/** Trusted: one of our windows (by web contents id), showing a page of our own origin. */
export function trustOurWindows(ourOrigin: string, isOurWindow: (webContentsId: number) => boolean) {
  return (event: InvokeEvent): boolean => {
    const url = event.senderFrame?.url;
    if (!url || !isOurWindow(event.sender.id)) return false;
    try {
      // Not URL.origin: for a non-special scheme such as app: (and for file:) it is the
      // string "null", which would make every file:// page look like ours.
      const sender = new URL(url);
      const ours = new URL(ourOrigin);
      return sender.protocol === ours.protocol && sender.host === ours.host && sender.host !== '';
    } catch {
      return false;
    }
  };
}
