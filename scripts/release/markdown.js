// A small Markdown-to-HTML converter for the subset our guides use: ATX headings, paragraphs,
// "-" and "1." lists (one level, continuation lines indented), pipe tables (with "\|" in
// cells), fenced code blocks, and inline code, **bold**, _italic_, links and images. An
// image alone in its paragraph becomes a figure with its alt text as the caption. Links to
// other Markdown files print as their text (a printed page has nowhere to go). Everything
// else is text, escaped. No dependency, no backtracking-prone pattern on untrusted input:
// the input is our own docs.
"use strict";

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline Markdown of one block's text → HTML. `image(src)` maps a picture's path to its URL. */
function inline(text, image) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length && "\\`*_[]()!|#-".includes(text[i + 1])) {
      out += escapeHtml(text[i + 1]);
      i += 2;
      continue;
    }
    if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i) {
        out += `<code>${escapeHtml(text.slice(i + 1, end))}</code>`;
        i = end + 1;
        continue;
      }
    }
    if (c === "*" && text[i + 1] === "*") {
      const end = text.indexOf("**", i + 2);
      if (end > i + 2) {
        out += `<strong>${inline(text.slice(i + 2, end), image)}</strong>`;
        i = end + 2;
        continue;
      }
    }
    // _italic_ only at a word boundary, so snake_case names stay as they are.
    if (c === "_" && (i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]))) {
      let end = text.indexOf("_", i + 1);
      while (end > 0 && end + 1 < text.length && /[\p{L}\p{N}]/u.test(text[end + 1])) end = text.indexOf("_", end + 1);
      if (end > i + 1) {
        out += `<em>${inline(text.slice(i + 1, end), image)}</em>`;
        i = end + 1;
        continue;
      }
    }
    if (c === "[" || (c === "!" && text[i + 1] === "[")) {
      const isImage = c === "!";
      const open = isImage ? i + 1 : i;
      const close = text.indexOf("](", open);
      const end = close > 0 ? text.indexOf(")", close + 2) : -1;
      if (close > 0 && end > 0) {
        const label = text.slice(open + 1, close);
        const target = text.slice(close + 2, end);
        if (isImage) out += `<img src="${escapeHtml(image(target))}" alt="${escapeHtml(label)}">`;
        else if (/\.md(#.*)?$/.test(target)) out += `<span class="ref">${inline(label, image)}</span>`;
        else out += `<a href="${escapeHtml(target)}">${inline(label, image)}</a>`;
        i = end + 1;
        continue;
      }
    }
    out += escapeHtml(c);
    i += 1;
  }
  return out;
}

/** The cells of a table row, split at unescaped "|". */
function cells(line) {
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const out = [];
  let cell = "";
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\" && body[i + 1] === "|") {
      // GFM: an escaped pipe is a pipe in the cell, inside code spans too.
      cell += "|";
      i += 1;
    } else if (body[i] === "|") {
      out.push(cell.trim());
      cell = "";
    } else cell += body[i];
  }
  out.push(cell.trim());
  return out;
}

const isTableSeparator = (line) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
const LIST_ITEM = /^(\s*)(-|\d+\.)\s+(.*)$/;

/** Markdown `source` → HTML. Options: `image(src)` → URL of a picture (default: as written);
 *  `figureClass(src)` → a class for the figure of a picture alone in its paragraph;
 *  `heading(level, text, html)` → the heading's HTML (default `<hN>`). */
function markdownToHtml(source, options = {}) {
  const image = options.image ?? ((src) => src);
  const heading = options.heading ?? ((level, _text, html) => `<h${level}>${html}</h${level}>`);
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i += 1;
      continue;
    }
    const fence = /^```/.exec(line);
    if (fence) {
      const body = [];
      i += 1;
      while (i < lines.length && !/^```/.test(lines[i])) body.push(lines[i++]);
      i += 1;
      out.push(`<pre><code>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      out.push(heading(h[1].length, h[2], inline(h[2], image)));
      i += 1;
      continue;
    }
    if (line.trim().startsWith("|") && i + 1 < lines.length && isTableSeparator(lines[i + 1])) {
      const head = cells(line);
      i += 2;
      const rows = [];
      while (i < lines.length && lines[i].trim().startsWith("|")) rows.push(cells(lines[i++]));
      const td = (tag, c) => `<${tag}>${inline(c, image)}</${tag}>`;
      out.push(
        `<table><thead><tr>${head.map((c) => td("th", c)).join("")}</tr></thead>` +
          `<tbody>${rows.map((r) => `<tr>${r.map((c) => td("td", c)).join("")}</tr>`).join("")}</tbody></table>`,
      );
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[2] !== "-";
      const items = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        // A list ends at an indented item (not supported) or one of the other kind.
        if (!m || m[1].length > 0 || (m[2] !== "-") !== ordered) break;
        const text = [m[3]];
        i += 1;
        // Continuation: indented lines up to a blank line or the next item.
        while (i < lines.length && /^\s+\S/.test(lines[i])) {
          text.push(lines[i].trim());
          i += 1;
        }
        items.push(`<li>${inline(text.join(" "), image)}</li>`);
        if (i < lines.length && lines[i].trim() === "" && i + 1 < lines.length && LIST_ITEM.test(lines[i + 1])) i += 1;
      }
      out.push(ordered ? `<ol>${items.join("")}</ol>` : `<ul>${items.join("")}</ul>`);
      continue;
    }
    const para = [];
    while (
      i < lines.length &&
      lines[i].trim() !== "" &&
      !/^(#{1,6})\s/.test(lines[i]) &&
      !/^```/.test(lines[i]) &&
      !LIST_ITEM.test(lines[i]) &&
      !lines[i].trim().startsWith("|")
    ) {
      para.push(lines[i].trim());
      i += 1;
    }
    const text = para.join(" ");
    const only = /^!\[([^\]]*)\]\(([^)\s]+)\)$/.exec(text);
    if (only) {
      const cls = options.figureClass?.(only[2]);
      out.push(
        `<figure${cls ? ` class="${escapeHtml(cls)}"` : ""}><img src="${escapeHtml(image(only[2]))}" alt="${escapeHtml(only[1])}">` +
          `<figcaption>${inline(only[1], image)}</figcaption></figure>`,
      );
    } else {
      out.push(`<p>${inline(text, image)}</p>`);
    }
  }
  return out.join("\n");
}

module.exports = { markdownToHtml, escapeHtml };
