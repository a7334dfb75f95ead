import { conflict } from "../errors";

/** 409: the admin edited an older revision than the one stored; their save must not overwrite it. */
export function assertCurrentRevision(stored: number, sent: number): void {
  if (stored === sent) return;
  throw conflict(
    "STALE_REVISION",
    `This product was changed by someone else meanwhile (revision ${stored}, you edited revision ${sent}). Reload it and make your change again.`,
    { currentRevision: stored, sentRevision: sent },
  );
}
