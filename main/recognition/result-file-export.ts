// Export buttons of the result panel: one of the result's files (Excel, Word, PDF, Markdown,
// TXT) saved where the person chooses. The server makes the files (DESIGN rule 3: main asks
// the client); a result whose files have expired, or that came from an embedded server of an
// earlier launch (its port and results are gone), is read again for fresh ones, so a history
// entry can always be exported.
import { FileType, type DownLoadInfo } from '../../app/protocol/index.js';
import { OcrClientError, type OcrClient } from '../../app/client/index.js';
import type { Recognition, Settings } from '../../app/ipc.js';
import type { FileSaver } from '../platform/types.js';

const fileKinds: Record<number, { extension: string; name: string }> = {
  [FileType.pdf]: { extension: 'pdf', name: 'PDF' },
  [FileType.word]: { extension: 'docx', name: 'Word document' },
  [FileType.ppt]: { extension: 'pptx', name: 'PowerPoint presentation' },
  [FileType.excel]: { extension: 'xlsx', name: 'Excel workbook' },
  [FileType.txt]: { extension: 'txt', name: 'Text' },
  [FileType.markdown]: { extension: 'md', name: 'Markdown' },
};

export interface ResultFileExportDeps {
  client: () => Promise<OcrClient>;
  saver: FileSaver;
  /** The recognition by id: the current one or a history entry. */
  find: (id: string) => Recognition | undefined;
  settings: () => Settings;
}

export class ResultFileExport {
  constructor(private readonly deps: ResultFileExportDeps) {}

  async save(id: string, fileType: number): Promise<{ saved: string | null }> {
    const recognition = this.deps.find(id);
    if (!recognition) throw new Error('That result is no longer in the history.');
    const kind = fileKinds[fileType];
    if (!kind) throw new Error(`OCR Assistant makes no files of type ${fileType}.`);
    // The dialog first: the person sees their click answered at once.
    const stamp = recognition.createdAt.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const path = await this.deps.saver.chooseSavePath(`ocr-${stamp}.${kind.extension}`, {
      name: kind.name,
      extensions: [kind.extension],
    });
    if (!path) return { saved: null };
    await this.deps.saver.write(path, await this.fetchFile(recognition, fileType, kind.name));
    return { saved: path };
  }

  private async fetchFile(recognition: Recognition, fileType: number, name: string): Promise<Uint8Array> {
    const client = await this.deps.client();
    const offered = fileOf(recognition.response.result?.files, fileType);
    if (offered) {
      try {
        return await client.download(offered.url);
      } catch (error) {
        if (!(error instanceof OcrClientError && error.kind === 'expired')) throw error;
      }
    }
    const fresh = await client.recognize(recognition.image, {
      ...(recognition.sourceName && { filename: recognition.sourceName }),
      type: recognition.response.ocrType as 0 | 1 | 2 | 3,
      options: this.deps.settings().options,
    });
    const file = fileOf(fresh.result?.files, fileType);
    if (!file) throw new Error(`The OCR server offers no ${name} file for this result.`);
    return client.download(file.url);
  }
}

const fileOf = (files: DownLoadInfo[] | undefined, fileType: number) => files?.find((f) => f.fileType === fileType);
