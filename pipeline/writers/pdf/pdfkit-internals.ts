/**
 * The parts of pdfkit's document the painter reaches into that pdfkit does not document: its
 * object references, the catalog, the current page's dictionary and annotations, the structure
 * tree root and its parent tree, and the metadata step of `end()`. pdfkit's version is pinned by
 * the lockfile, and the PDF tests read every object made through these back from the files.
 */

/** An indirect object: its dictionary, and (for a stream) its data; written when ended. */
export interface PdfRef {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

/** A number tree (the structure parent tree). */
export interface PdfNumberTree {
  add(key: number, value: unknown): void;
  get(key: number): unknown;
}

export interface Internals {
  _root: PdfRef;
  page: { dictionary: PdfRef; annotations: PdfRef[]; structParentTreeKey: number };
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): PdfNumberTree;
  createStructParentTreeNextKey(): number;
  /** Writes the XMP metadata stream; called by `end()`. */
  endMetadata(): void;
}

export function internals(doc: PDFKit.PDFDocument): Internals {
  return doc as unknown as Internals;
}
