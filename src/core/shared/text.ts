// How user text is quoted in messages, shared by the check's rules and Việc sắp tới.

/** Longest title quoted whole in a message; a longer one (a paragraph pasted into the
 *  cell, up to Excel's 32,767 characters) is cut at a word with "…". */
export const TITLE_IN_MESSAGE = 80;

/** A title as messages quote it. */
export function shortTitle(title: string): string {
  if (title.length <= TITLE_IN_MESSAGE) return title;
  const cut = title.slice(0, TITLE_IN_MESSAGE - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space >= TITLE_IN_MESSAGE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
