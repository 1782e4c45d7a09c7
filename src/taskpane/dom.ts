// A tiny DOM builder: h("button", {type: "button", onclick}, "Text"). Text goes in as
// text nodes (never HTML), so workbook content cannot inject markup.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === "className") {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- callers pass text
      el.className = String(value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- attribute values are text or numbers
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: HTMLElement, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: HTMLElement): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Lets the page answer clicks and paint between two parts of a long job. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Appends `render(item)` of each item to `parent`, yielding to the page whenever a task
 *  has run `budgetMs`: thousands of elements made and laid out at once would keep the page
 *  from answering for seconds (bench/engines.js measures the longest task). A time budget,
 *  not a count: an engine or a machine three times slower makes smaller parts. */
export async function appendInBatches<T>(parent: Node, items: readonly T[], render: (item: T) => Node, budgetMs = 20): Promise<void> {
  let i = 0;
  while (i < items.length) {
    if (i > 0) await nextTask();
    const start = performance.now();
    const part = document.createDocumentFragment();
    // At least a few per task, checking the clock every few items.
    do {
      for (const end = Math.min(items.length, i + 5); i < end; i++) part.appendChild(render(items[i]));
    } while (i < items.length && performance.now() - start < budgetMs);
    parent.appendChild(part);
  }
}
