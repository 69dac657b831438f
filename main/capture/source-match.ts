// Which display each screen source shows. Electron names the display in `display_id`, except
// through the Wayland desktop portal, where the one source is the screen the user picked in the
// portal's dialog and `display_id` is empty: mapping it by position picked the wrong monitor
// whenever the user chose another than the first. Such a source is matched by its shape.
import type { DisplayInfo } from '../platform/types.js';

export interface SourceShape {
  /** Electron's `display_id`; empty when the system does not say. */
  displayId: string;
  /** The thumbnail's size in pixels (fitted into the size asked for, keeping the aspect). */
  width: number;
  height: number;
}

const nativeSize = (d: DisplayInfo) => ({
  width: Math.round(d.bounds.width * d.scaleFactor),
  height: Math.round(d.bounds.height * d.scaleFactor),
});
const aspectOf = (size: { width: number; height: number }) => size.width / size.height;

/** For each source, the display it shows, or undefined when none can be told. */
export function matchSourcesToDisplays(
  sources: SourceShape[],
  displays: DisplayInfo[],
): Array<DisplayInfo | undefined> {
  const matched: Array<DisplayInfo | undefined> = sources.map((s) =>
    s.displayId ? displays.find((d) => String(d.id) === s.displayId) : undefined,
  );
  const free = () => displays.filter((d) => !matched.includes(d));
  sources.forEach((source, index) => {
    if (source.displayId || matched[index]) return;
    const left = free();
    // The same pixels first, then the same shape (a thumbnail may have been scaled to fit);
    // a single display left is the one whatever its shape.
    const sameSize = left.filter((d) => nativeSize(d).width === source.width && nativeSize(d).height === source.height);
    const sameShape = left.filter((d) => Math.abs(aspectOf(nativeSize(d)) / aspectOf(source) - 1) < 0.01);
    matched[index] =
      sameSize.length === 1
        ? sameSize[0]
        : sameShape.length === 1
          ? sameShape[0]
          : left.length === 1
            ? left[0]
            : (sameSize[0] ?? sameShape[0]);
  });
  return matched;
}
