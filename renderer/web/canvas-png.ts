// Images drawn on a canvas, as PNG bytes and as the History list's small thumbnails.

/** A canvas's pixels as PNG bytes. */
export async function pngOf(canvas: OffscreenCanvas): Promise<Uint8Array> {
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}

/** A thumbnail of at most 160 x 96, as a data: URL (the CSP allows data: images). */
export async function thumbnail(image: Uint8Array): Promise<string> {
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(image)]));
  const scale = Math.min(1, 160 / bitmap.width, 96 / bitmap.height);
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  );
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const bytes = await pngOf(canvas);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}
