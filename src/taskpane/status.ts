// A section's status line: progress (with a bar), a result, or an error, announced to
// screen readers through a live region.
import { clear, h } from "./dom";
import { errorMessage } from "./logic/messages";
import type { StatusReporter } from "./services";

export function createStatus(el: HTMLElement): StatusReporter {
  el.setAttribute("role", "status");
  el.setAttribute("aria-live", "polite");
  el.className = "status";
  const show = (kind: string, ...children: (Node | string)[]): void => {
    clear(el);
    el.dataset.kind = kind;
    for (const c of children) el.append(c);
  };
  return {
    progress(text, fraction) {
      const bar = h("progress", { max: "1", "aria-hidden": "true" });
      if (fraction !== undefined) bar.value = Math.max(0, Math.min(1, fraction));
      show("progress", h("span", { className: "spinner", "aria-hidden": "true" }), text, bar);
    },
    done(text) {
      show("done", text);
    },
    error(err) {
      show("error", h("strong", {}, "Lỗi: "), errorMessage(err));
    },
    clear() {
      clear(el);
      delete el.dataset.kind;
    },
  };
}

/** Runs `work` with the button disabled and the status showing `busyText`; errors end up
 *  in the status line, never as an exception. */
export async function busy<T>(
  button: HTMLButtonElement,
  status: StatusReporter,
  busyText: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  status.progress(busyText);
  try {
    return await work();
  } catch (err) {
    status.error(err);
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute("aria-busy");
  }
}
