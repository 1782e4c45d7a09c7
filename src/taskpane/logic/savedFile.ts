// A file the pane offers the user (a .docx made, a new copy of the register): its own module,
// so that the logic modules and services.ts (which imports them) share it without a cycle.
export interface SavedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
