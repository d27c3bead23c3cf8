import { AdmissionError, type AdmissionErrorCode } from './admission-error.js';

const PDF_SIGNATURE = Buffer.from('%PDF-');

/** The PDFs an application carries (its letter, its attachments) are at most this large. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/** Why an uploaded file is not taken as a PDF: empty, over PDF_MAX_BYTES, or not starting as a PDF does. */
export function pdfProblem(content: Buffer): 'empty' | 'too-large' | 'not-pdf' | null {
  if (content.length === 0) return 'empty';
  if (content.length > PDF_MAX_BYTES) return 'too-large';
  // The header must open the file, as file(1) and content sniffers require: searching the first KiB for it
  // (the leniency of some PDF readers) let a PNG carrying "%PDF-" in a text chunk through as a PDF.
  if (!content.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return 'not-pdf';
  return null;
}

type PdfProblem = NonNullable<ReturnType<typeof pdfProblem>>;

/** Refuses an upload `pdfProblem` finds fault with, naming it (`letter`, `document`) with the caller's codes. */
export function refuseUnlessPdf(content: Buffer, noun: string, codes: Record<PdfProblem, AdmissionErrorCode>): void {
  const problem = pdfProblem(content);
  if (!problem) return;
  const sentences: Record<PdfProblem, string> = {
    empty: `The ${noun} is empty.`,
    'too-large': `The ${noun} is larger than ${PDF_MAX_BYTES / 1024 / 1024} MB.`,
    'not-pdf': `The ${noun} is not a PDF (its content does not start like one).`,
  };
  throw new AdmissionError(codes[problem], sentences[problem]);
}
