// Limits of the Excel JavaScript API the adapter plans its batches around.
// - Excel on the web: "payload size limit for requests and responses of 5MB"
//   (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
// - getMergedAreasOrNullObject fails over 512 merged areas (Excel.Range reference).
// The adapter aims at half the payload limit, since its byte counts are estimates.

/** Bytes one request or response may carry (5 MB), and what the adapter aims for. */
export const PAYLOAD_LIMIT = 5_000_000;
export const PAYLOAD_BUDGET = 2_400_000;
/** Cells read in one sync: about 20 bytes a cell keeps a response near 2 MB. */
export const CELLS_PER_SYNC = 100_000;
/** Merged areas one getMergedAreasOrNullObject call may return. */
export const MERGED_AREAS_LIMIT = 512;
/** Estimated JSON of one queued action (object path and action). */
export const ACTION_BYTES = 120;

const encoder = new TextEncoder();

/** UTF-8 length of a value's JSON: what it adds to a request. */
export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : encoder.encode(JSON.stringify(v)).length;
}

/** The error code of a failed Excel request ("" when there is none). */
export function errorCode(err: unknown): string {
  if (typeof err !== "object" || err === null) return "";
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/** True when the request or its response was over the size limit. */
export function isPayloadError(err: unknown): boolean {
  const code = errorCode(err);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit";
}
