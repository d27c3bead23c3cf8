// A ballot's commitment in the browser, with WebCrypto: the layout docs/voting.md ("The commitment") writes.

export interface Receipt {
  voteId: string;
  governmentId: string;
  choice: string;
  nonce: string;
  commitment: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX_64 = /^[0-9a-f]{64}$/;

/** The receipt in a file's text, or undefined when it is not one. */
export function parseReceipt(text: string): Receipt | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const receipt = value as Partial<Record<keyof Receipt, unknown>>;
  if (typeof receipt !== 'object' || receipt === null) return undefined;
  const { voteId, governmentId, choice, nonce, commitment } = receipt;
  if (typeof voteId !== 'string' || !UUID.test(voteId) || typeof governmentId !== 'string' || !UUID.test(governmentId)) return undefined;
  if (typeof choice !== 'string' || !/^[a-z]{1,255}$/.test(choice)) return undefined;
  if (typeof nonce !== 'string' || !HEX_64.test(nonce) || typeof commitment !== 'string' || !HEX_64.test(commitment)) return undefined;
  return { voteId, governmentId, choice, nonce, commitment };
}

export const hexToBytes = (hex: string): Uint8Array<ArrayBuffer> => new Uint8Array(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
export const bytesToHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** SHA-256(vote id ‖ government id ‖ len(choice) ‖ choice ‖ nonce), as lower-case hex. */
export async function commitmentOf(receipt: Receipt): Promise<string> {
  const choice = new TextEncoder().encode(receipt.choice);
  const bytes = new Uint8Array(16 + 16 + 1 + choice.length + 32);
  bytes.set(hexToBytes(receipt.voteId.replaceAll('-', '')), 0);
  bytes.set(hexToBytes(receipt.governmentId.replaceAll('-', '')), 16);
  bytes[32] = choice.length;
  bytes.set(choice, 33);
  bytes.set(hexToBytes(receipt.nonce), 33 + choice.length);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}
