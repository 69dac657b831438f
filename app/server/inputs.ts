// The image of an `op=code` request, from whichever of the API's input forms carried it.
import { unsupported } from '../protocol/index.js';

/** `name`: the file's own name, where it came as a named file (the documents are titled with it). */
export type ImageInput = { kind: 'bytes'; bytes: Uint8Array; name?: string } | { kind: 'url'; url: string };

/** The form fields that may carry an input (multipart text fields, urlencoded forms). */
export interface InputFields {
  url?: string;
  code?: string;
}

const base64Pattern = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/**
 * Base64 (standard or URL-safe) into bytes. A `data:image/png;base64,` header is tolerated, as
 * are line breaks; anything else that is not base64 is refused rather than half-decoded,
 * which is what Buffer.from would do silently.
 */
export function decodeBase64Image(text: string, what = 'the code field'): Uint8Array {
  let payload = text.trim();
  const header = /^data:[^,]*;base64,/i.exec(payload);
  if (header) payload = payload.slice(header[0].length);
  payload = payload.replace(/\s+/g, '');
  if (!payload) throw unsupported(`${what} is empty: it should hold the image in base64`);
  if (!base64Pattern.test(payload) || payload.length % 4 === 1) {
    throw unsupported(`${what} is not valid base64: send the image file, or its bytes in base64`);
  }
  return Buffer.from(payload, payload.includes('-') || payload.includes('_') ? 'base64url' : 'base64');
}

const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());

/** A plain-text body holds base64 or a URL; tell which. */
export function inputFromText(text: string): ImageInput {
  if (!text.trim())
    throw unsupported('the request has no image: send a file, a url field, a code field (base64) or a plain-text body');
  return looksLikeUrl(text)
    ? { kind: 'url', url: text.trim() }
    : { kind: 'bytes', bytes: decodeBase64Image(text, 'the plain-text body') };
}

export function inputFromFields(fields: InputFields): ImageInput | undefined {
  if (fields.url?.trim()) return { kind: 'url', url: fields.url.trim() };
  if (fields.code !== undefined) return { kind: 'bytes', bytes: decodeBase64Image(fields.code) };
  return undefined;
}
