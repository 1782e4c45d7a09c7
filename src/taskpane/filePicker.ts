// A file field in the pane's own words. The browser's file input labels its button in the
// WebView's language ("Choose File", "No file chosen" on an English system); this keeps the
// input (hidden but focusable, so the keyboard still opens the dialog) behind a Vietnamese
// button, the chosen file names, and a way to clear the choice.
import { h } from "./dom";

export interface FilePicker {
  root: HTMLElement;
  input: HTMLInputElement;
}

export function filePicker(opts: { id: string; accept: string; multiple?: boolean; buttonText: string; emptyText: string }): FilePicker {
  const input = h("input", { type: "file", id: opts.id, accept: opts.accept, multiple: opts.multiple ?? false, className: "file-input" });
  const chosen = h("span", { className: "file-chosen", "aria-live": "polite" }, opts.emptyText);
  const clearButton = h("button", { type: "button", className: "file-clear", hidden: true }, "Bỏ chọn");
  const show = (): void => {
    const files = Array.from(input.files ?? []);
    chosen.textContent =
      files.length === 0
        ? opts.emptyText
        : files.length === 1
          ? files[0].name
          : `${files.length} tệp: ${files.map((f) => f.name).join(", ")}`;
    clearButton.hidden = files.length === 0;
  };
  input.addEventListener("change", show);
  clearButton.addEventListener("click", () => {
    input.value = "";
    show();
    input.focus();
  });
  const root = h(
    "div",
    { className: "file-picker" },
    input,
    h("label", { for: opts.id, className: "file-button" }, opts.buttonText),
    chosen,
    clearButton,
  );
  return { root, input };
}
