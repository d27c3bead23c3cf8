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
