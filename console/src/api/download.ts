/**
 * A PDF the mutation service answers (a decree's document, a petikan) fetched with the
 * signed-in person's bearer token (the generated client adds it), then handed to the
 * browser as a file: a plain link could not carry the token, and the token never goes
 * into a URL.
 */
import { mutation } from "./client";
import { unwrap } from "./problem";

/** Offer `blob` to the person as the file `filename` (downloaded, or opened by the browser). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click is handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name with only the characters every file system takes ("800/1/BKD" → "800_1_BKD"). */
export function safeName(name: string): string {
  return name.replace(/[^0-9A-Za-z._-]+/g, "_");
}

export async function decreeDocument(decreeId: string): Promise<Blob> {
  return unwrap(
    mutation.GET("/decrees/{decree_id}/document", { params: { path: { decree_id: decreeId } }, parseAs: "blob" }),
  ) as Promise<Blob>;
}

export async function petikan(decreeId: string, nip: string): Promise<Blob> {
  return unwrap(
    mutation.GET("/decrees/{decree_id}/petikan/{nip}", { params: { path: { decree_id: decreeId, nip } }, parseAs: "blob" }),
  ) as Promise<Blob>;
}

/** The public verification page the QR code of every page opens (no sign-in), on the
 * console's own origin. The document's SHA-256 is a code it accepts. */
export function verificationUrl(decreeId: string, sha256: string): string {
  return `/api/mutation/verifikasi/${encodeURIComponent(decreeId)}?kode=${encodeURIComponent(sha256)}`;
}
