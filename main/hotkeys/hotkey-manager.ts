// The three global hotkeys: registered from the settings, re-registered when the machine
// resumes or the displays change (some systems drop grabs then), and every failure reported
// with who probably holds the key and how to pick another.
import type { HotkeyProblem, Settings } from '../../app/ipc.js';
import type { GlobalHotkeys } from '../platform/types.js';
import { likelyOwner, normalizeAccelerator } from './owners.js';

export type HotkeyAction = keyof Settings['hotkeys'];
const actionNames: Record<HotkeyAction, string> = {
  capture: 'Capture a region',
  clipboard: 'Recognize the clipboard image',
  repeat: 'Repeat the last region',
};

export class HotkeyManager {
  private problems: HotkeyProblem[] = [];
  private current: Settings['hotkeys'] | undefined;

  constructor(
    private readonly hotkeys: GlobalHotkeys,
    private readonly actions: Record<HotkeyAction, () => void>,
    private readonly report: (problem: HotkeyProblem) => void,
    /** The accelerator as the platform writes it, for messages (Ctrl+Alt+O, ⌥⌘O). */
    private readonly label: (accelerator: string) => string = (accelerator) => accelerator,
  ) {}

  /** Registers all three; returns (and reports) the ones that could not be. */
  apply(accelerators: Settings['hotkeys']): HotkeyProblem[] {
    this.current = accelerators;
    this.hotkeys.unregisterAll();
    this.problems = [];
    const seen = new Map<string, HotkeyAction>();
    for (const action of Object.keys(actionNames) as HotkeyAction[]) {
      const accelerator = accelerators[action];
      const twin = seen.get(normalizeAccelerator(accelerator));
      if (twin) {
        this.fail({
          action,
          accelerator,
          message: `${this.label(accelerator)} is already used for "${actionNames[twin]}" in OCR Assistant; choose another key in Settings.`,
        });
        continue;
      }
      seen.set(normalizeAccelerator(accelerator), action);
      if (!this.hotkeys.register(accelerator, this.actions[action])) {
        const owner = likelyOwner(accelerator);
        this.fail({
          action,
          accelerator,
          likelyOwner: owner,
          message: `${this.label(accelerator)} for "${actionNames[action]}" could not be registered: ${owner ? `it is probably taken by ${owner}` : 'another program holds it'}. Choose another key in Settings → Hotkeys.`,
        });
      }
    }
    return this.problems;
  }

  /** After resume or a display change: the same keys again. */
  reapply(): HotkeyProblem[] {
    return this.current ? this.apply(this.current) : [];
  }

  list(): HotkeyProblem[] {
    return this.problems;
  }

  private fail(problem: HotkeyProblem): void {
    this.problems.push(problem);
    this.report(problem);
  }
}
