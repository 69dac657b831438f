// Reads the body of an Open API call in whichever form the client sent it: multipart (a
// file under any field name, or text fields), a urlencoded form, or a plain-text body.
import type { FastifyRequest } from 'fastify';
import { OcrError, unsupported } from '../protocol/index.js';
import { inputFromFields, inputFromText, type ImageInput } from './inputs.js';

export interface BodyParts {
  file?: Uint8Array;
  /** The file part's own name (`shot.png`), as the client sent it. */
  filename?: string;
  fields: Record<string, string>;
  /** A plain-text body (or raw image bytes sent as image/* or octet-stream). */
  text?: string;
  bytes?: Uint8Array;
}

/**
 * Collects the body's parts; a multipart body is read here, others were parsed by Fastify.
 * A body that cannot be read (broken multipart, a file past the limit) is the client's
 * mistake: state 7 with what went wrong.
 */
export async function readBody(request: FastifyRequest, bodyLimit: number): Promise<BodyParts> {
  try {
    return await readParts(request, bodyLimit);
  } catch (error) {
    if (error instanceof OcrError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw unsupported('the file is larger than the request body limit');
    if (code === 'FST_FILES_LIMIT')
      throw unsupported('the request holds more than one file: send one image per request');
    throw unsupported(`the request body could not be read: ${(error as Error).message}`);
  }
}

async function readParts(request: FastifyRequest, bodyLimit: number): Promise<BodyParts> {
  if (request.isMultipart()) {
    const parts: BodyParts = { fields: {} };
    // Each part has its own limit; together they must keep to the body limit too.
    let total = 0;
    const add = (bytes: number) => {
      total += bytes;
      if (total > bodyLimit)
        throw unsupported(`the request body is larger than the limit of ${Math.round(bodyLimit / 2 ** 20)} MB`);
    };
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        add(bytes.length);
        parts.file = bytes;
        parts.filename = part.filename;
      } else if (typeof part.value === 'string') {
        add(Buffer.byteLength(part.value) + part.fieldname.length);
        parts.fields[part.fieldname.toLowerCase()] = part.value;
      }
    }
    return parts;
  }
  const body = request.body;
  if (typeof body === 'string') return { fields: {}, text: body };
  if (body instanceof Uint8Array) return { fields: {}, bytes: body };
  if (body && typeof body === 'object') {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string') fields[key.toLowerCase()] = value;
    }
    return { fields };
  }
  return { fields: {} };
}

/** The image of `op=code`, from the parts in the API's order of preference. */
export function imageInputOf(parts: BodyParts): ImageInput {
  if (parts.file) return { kind: 'bytes', bytes: parts.file, ...sourceName(parts.filename) };
  if (parts.bytes) return { kind: 'bytes', bytes: parts.bytes };
  const fromFields = inputFromFields(parts.fields);
  if (fromFields) return fromFields;
  if (parts.text !== undefined) return inputFromText(parts.text);
  throw unsupported('the request has no image: send a file, a url field, a code field (base64) or a plain-text body');
}

/**
 * A file name worth titling the result's documents with: the name without folders, at most
 * 200 characters; none for the names clients give every upload (image, blob, file).
 */
function sourceName(filename: string | undefined): { name?: string } {
  const name = filename?.split(/[\\/]/).pop()?.trim().slice(0, 200);
  return name && !/^(image|blob|file|screenshot)(\.\w+)?$/i.test(name) ? { name } : {};
}

/** The `id` of `op=idcode`: a form field or the plain-text body. */
export function idOf(parts: BodyParts, query: Record<string, string | undefined>): string | undefined {
  return parts.fields.id ?? parts.text?.trim() ?? query.id;
}
