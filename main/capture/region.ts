import type { Region } from '../../app/ipc.js';
import type { DisplayCapture, DisplayInfo, Rect } from '../platform/types.js';

/**
 * A region the user drew on one display's overlay (DIP, relative to the display) as the
 * physical pixels of that display's capture. The ratio is taken from the capture itself
 * rather than trusted from scaleFactor alone: at 1.25 a 1536-DIP display is 1920 pixels, and
 * an OS may round the capture differently. Edges are rounded outward-safe and clamped, so
 * the cut never leaves the image and never loses a selected pixel column to rounding.
 */
export function regionToPixels(region: Region, display: DisplayInfo, capture: DisplayCapture): Rect {
  const sx = capture.width / display.bounds.width;
  const sy = capture.height / display.bounds.height;
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  const left = clamp(Math.floor(region.x * sx + 1e-6), capture.width - 1);
  const top = clamp(Math.floor(region.y * sy + 1e-6), capture.height - 1);
  const right = clamp(Math.ceil((region.x + region.width) * sx - 1e-6), capture.width);
  const bottom = clamp(Math.ceil((region.y + region.height) * sy - 1e-6), capture.height);
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}
