// The Open API's `files`: each finished result offers its result files (Excel for a table,
// Word, a searchable PDF, Markdown, TXT) at URLs of this server. Files are made when they are
// asked for, from the stored result (and the stored screenshot, for the PDF), so a client
// that never downloads one costs nothing but the screenshot's write to disk.
import {
  buildResultFile,
  formatNamed,
  formulaPage,
  formulaSnippet,
  resultFormats,
  type ResultFormat,
} from '../export/index.js';
import { pagePictures } from '../engine/pages.js';
import type { EngineConfig } from '../engine/config.js';
import { ResultType, State, type DownLoadInfo, type OcrResponse, type OcrResult } from '../protocol/index.js';
import type { ResultKeeper, SourceImageKeeper } from './backend.js';

export class ResultFiles {
  constructor(
    private readonly results: ResultKeeper,
    private readonly images: SourceImageKeeper,
    private readonly config: EngineConfig,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** A finished response with its `files`; the screenshot is kept for the PDF while the result lives. */
  async attach(
    response: OcrResponse,
    image: Uint8Array,
    origin: string,
    ttlMs?: number,
    /** The image file's own name: the PDF's, Word's and slides' title. */
    title?: string,
  ): Promise<OcrResponse> {
    if (response.state !== State.done || !response.result) return response;
    const formats = resultFormats(response.result);
    // Only a result that offers a PDF needs its screenshot (a formula's files do not).
    const kept =
      formats.some((f) => f.needsImage) &&
      (await this.images.put(response.id, image, ttlMs, title).then(
        () => true,
        (error: unknown) => {
          // A full disk costs the PDF, not the answer.
          this.onError(error);
          return false;
        },
      ));
    const files: DownLoadInfo[] = formats
      .filter((format) => kept || !format.needsImage)
      .map((format) => ({
        url: `${origin}/files/${response.id}/${format.name}`,
        fileType: format.fileType,
        desc: format.desc,
      }));
    const result = { ...response.result, files };
    if (result.resultType === ResultType.webPage && result.autoText) {
      // A formula: a page of ours that typesets it, and its MathML to paste into Word.
      result.viewUrl = `${origin}/view/${response.id}`;
      result.downloadHtml = formulaSnippet(result.autoText, result.viewUrl);
    }
    return { ...response, result };
  }

  /** The page of a formula result (its `viewUrl`), or undefined when it has expired or is no formula. */
  async page(id: string): Promise<string | undefined> {
    const response = await this.results.find(id);
    const result = response?.state === State.done ? response.result : undefined;
    if (result?.resultType !== ResultType.webPage || !result.autoText) return undefined;
    return formulaPage(result.autoText, '/katex/katex.min.css');
  }

  /** The file `name` of result `id`, or undefined when the result has expired or offers no such file. */
  async build(id: string, name: string): Promise<{ format: ResultFormat; body: Buffer } | undefined> {
    const response = await this.results.find(id);
    if (response?.state !== State.done || !response.result) return undefined;
    const format = formatNamed(response.result, name);
    if (!format) return undefined;
    let image;
    if (format.needsImage) {
      const bytes = await this.images.get(id);
      if (!bytes) return undefined;
      image = await pagePictures(bytes, this.config);
    }
    const title = await this.images.title?.(id);
    return { format, body: await buildResultFile(response.result, format, image, title) };
  }
}

/** Every file a result offers, made at once from the result and its screenshot (the CLI's `--out`). */
export async function makeResultFiles(
  result: OcrResult,
  image: Uint8Array,
  config: EngineConfig,
  /** The source file's name, the documents' title. */
  title?: string,
): Promise<{ format: ResultFormat; body: Buffer }[]> {
  const page = await pagePictures(image, config);
  const out = [];
  for (const format of resultFormats(result))
    out.push({ format, body: await buildResultFile(result, format, format.needsImage ? page : undefined, title) });
  return out;
}
