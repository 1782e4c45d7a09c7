// How much an .xlsx declares it holds once inflated, from its zip's central directory (a
// few dozen fixed-size records at the end of the file): the page sizes the file worker's
// time bound by it, because reading time follows the XML's size, not the zip's. A file
// that lies only gets a longer bound (the reader's own limits still apply); one without a
// readable directory is counted as ten times its size.
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes, after at most a 65,535-byte comment. */
const EOCD_SEARCH = 22 + 65_535;

export function declaredInflatedBytes(bytes: Uint8Array): number {
  const fallback = bytes.length * 10;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - EOCD_SEARCH); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return fallback;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return fallback;
    const size = view.getUint32(at + 24, true);
    // ZIP64 (0xFFFFFFFF): no real register is that large.
    if (size === 0xffffffff) return fallback;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return Math.max(total, bytes.length);
}
