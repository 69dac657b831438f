// The OCR Open API's wire format (shared/API.md). Field names are the API's own,
// including its spelling (`spiltText`), so clients of the original service work unchanged.

/** `type` of `op=code`: 0 text, 1 vertical text, 2 table, 3 formula. */
export const OcrType = { text: 0, vertical: 1, table: 2, formula: 3 } as const;
export type OcrType = (typeof OcrType)[keyof typeof OcrType];

/** `state` of a response. */
export const State = {
  pending: 0,
  done: 2,
  failed: 3,
  timedOut: 4,
  tooManyRequests: 6,
  unsupported: 7,
} as const;
export type State = (typeof State)[keyof typeof State];

/** `resultType`: how `result` is meant to be shown. */
export const ResultType = { text: 0, webPage: 1, table: 2 } as const;
export type ResultType = (typeof ResultType)[keyof typeof ResultType];

/** `fileType` of a `files` entry. */
export const FileType = { pdf: 1, word: 2, ppt: 3, excel: 4, txt: 5, markdown: 6 } as const;
export type FileType = (typeof FileType)[keyof typeof FileType];

/**
 * The formatting options of `op=code`: the one list of them. The query parser, the IPC schema,
 * the CLI's flags and usage text, and the views' toggles are all made from it.
 */
export const optionNames = ['left', 'top', 'autodirection', 'half', 'space', 'symbol', 'duplicate'] as const;
export type OptionName = (typeof optionNames)[number];
/** `true` is `1` (on), `false` is `0` (off), `undefined` (absent) lets the engine decide. */
export type RecognizeOptions = { [K in OptionName]?: boolean };

/**
 * An upright box in an image's pixels: the Open API's `location`, and the one box type of the
 * engine and layout (whose boxes leave as locations unchanged).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One element of the `verticalText` JSON string (the guide's TextCellInfo). */
export interface TextCellInfo {
  words: string;
  trans?: string;
  pageIndex: number;
  location: Box;
  /**
   * Table mode only (our addition; clients of the guide ignore it): the cell's place in the
   * grid, 0-based, and how many rows and columns a merged cell covers.
   */
  row?: number;
  col?: number;
  rowSpan?: number;
  colSpan?: number;
}

/** A QR code or barcode found in the image: the elements of `desc` (a JSON string) when there are any. */
export interface CodeInfo {
  /** The symbology, as zxing names it: QRCode, DataMatrix, Code128, EAN-13... */
  format: string;
  text: string;
  location: Box;
}

export interface DownLoadInfo {
  url: string;
  param?: string;
  fileType: FileType;
  desc: string;
}

export interface OcrResult {
  autoText?: string;
  spiltText?: string;
  spiltLocText?: string;
  verticalText?: string;
  /** With `trans=`: the translation shaped like `spiltText` (a line each, or a table's rows). */
  transText?: string;
  /** With `trans=`: the translation shaped like `spiltLocText` (paragraphs, or a table's cells, with boxes). */
  transLocText?: string;
  lang?: string;
  resultType?: ResultType;
  viewUrl?: string;
  downloadHtml?: string;
  files?: DownLoadInfo[];
}

export interface OcrResponse {
  id: string;
  ocrType: number;
  processId?: number;
  processName?: string;
  state: State;
  message?: string;
  result?: OcrResult;
  desc?: string;
  /**
   * Our extension, on a pending response (state 0) that idcode answers for a request sent with
   * `progress=1`: the lines read so far. Clients of the guide ignore it; the final answer never has it.
   */
  progress?: ProgressInfo;
}

/** How far a pending request has come: its lines so far, top to bottom, in the image's pixels. */
export interface ProgressInfo {
  lines: TextCellInfo[];
  /** Milliseconds since the server took the request. */
  elapsedMs: number;
}

/**
 * The original service's answer to a bad token or a used-up quota: not a response with a
 * `state`, but a "Tips" pseudo-result whose text says what is wrong (and `id` is the number 1).
 */
export interface TipsResponse {
  ocrType: number;
  processName: 'Tips';
  result: { spiltText: string; autoText: string };
  id: 1;
}

/** `op=count`: today's successful recognitions and what is left; all zeros for a bad token. */
export interface QuotaCount {
  Account: string;
  TodayCount: number;
  LimitCount: number;
}
