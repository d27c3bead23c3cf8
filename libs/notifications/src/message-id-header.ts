// A Message-ID as RFC 5322 wants it: one `left@right`, no spaces or angle brackets inside.
const MESSAGE_ID = /^<?([^<>\s@]+@[^<>\s@]+)>?$/;

/** The Message-ID header value, `<left@right>`, from an id given with or without its angle brackets. */
export function messageIdHeader(messageId: string): string {
  const match = MESSAGE_ID.exec(messageId.trim());
  if (!match) throw new Error(`Not a Message-ID (left@right): "${messageId}"`);
  return `<${match[1]}>`;
}

/** A file name (without extension) safe on any file system: the id without its brackets, other characters as `_`. */
export function messageIdFileName(messageId: string): string {
  return messageIdHeader(messageId)
    .slice(1, -1)
    .replace(/[^A-Za-z0-9._-]/g, '_');
}
