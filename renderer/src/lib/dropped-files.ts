// What a drop holds, as files to read: dropped files as they are, dropped folders opened (with
// their subfolders, as the CLI reads a folder), images and PDFs kept, the rest counted as skipped.
import { isPdfFile } from './pdf-pages.js';

/** The parts of the File and Directory Entries API a drop gives (Chromium's webkitGetAsEntry). */
export interface DroppedEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath?: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void;
  };
}

export interface DroppedImages {
  /** Images in the order a person would list them (by path). */
  images: File[];
  /** PDFs, in the same order: each of their pages is read like an image. */
  documents: File[];
  /** Names of what was dropped but is neither an image nor a PDF. */
  skipped: string[];
}

const imageName = /\.(png|jpe?g|webp|bmp|gif|tiff?)$/i;
const isImage = (file: File) => file.type.startsWith('image/') || imageName.test(file.name);
/** A folder of thousands is a job for the command line; the app reads this many at most. */
export const maxDroppedImages = 500;

async function entryFiles(entry: DroppedEntry, out: File[]): Promise<void> {
  if (out.length >= maxDroppedImages * 4) return;
  if (entry.isFile && entry.file) {
    out.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries hands a folder over in batches, until an empty one.
    for (;;) {
      const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const child of batch.sort((a, b) => a.name.localeCompare(b.name))) await entryFiles(child, out);
    }
  }
}

/** A file's bytes (FileReader: older engines, and jsdom, lack Blob.arrayBuffer). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** The images and PDFs of a drop: `entries` from the DataTransfer's items when the browser offers them, else its plain files. */
export async function droppedImages(entries: (DroppedEntry | null)[], plainFiles: File[]): Promise<DroppedImages> {
  const files: File[] = [];
  if (entries.some((e) => e)) {
    for (const entry of entries) if (entry) await entryFiles(entry, files);
  } else {
    files.push(...plainFiles);
  }
  const images = files.filter(isImage).slice(0, maxDroppedImages);
  const documents = files.filter(isPdfFile).slice(0, maxDroppedImages);
  const skipped = files.filter((f) => !isImage(f) && !isPdfFile(f)).map((f) => f.name);
  return { images, documents, skipped };
}
