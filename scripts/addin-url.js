// The add-in's base URL: https://localhost:3000 while developing, ADDIN_URL for a
// deployment; and its version, the package's. Shared by webpack.config.js (which rewrites manifest.xml into dist/) and
// the manifest test, so the test checks the very rewrite the build uses.
"use strict";

const DEV_BASE_URL = "https://localhost:3000";

/** The base URL to build for; throws with a Vietnamese message when ADDIN_URL is unusable. */
function resolveBaseUrl(env = process.env) {
  const raw = (env.ADDIN_URL || "").trim();
  if (!raw) return DEV_BASE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL không phải địa chỉ hợp lệ: "${raw}" (ví dụ: https://addin.example.vn/so-chuyen-de).`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL phải bắt đầu bằng https:// (Office chỉ nạp bổ trợ qua HTTPS): "${raw}".`);
  }
  if (/^(localhost|127\.|\[::1\])/i.test(url.hostname)) {
    throw new Error(`ADDIN_URL dùng cho bản triển khai, không được là localhost: "${raw}".`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_URL không được có phần ?… hoặc #…: "${raw}".`);
  }
  return url.href.replace(/\/+$/, "");
}

/** The manifest's <Version> for a package version: four parts, as Office expects ("0.2.0" → "0.2.0.0"). */
function manifestVersion(version = require("../package.json").version) {
  const parts = version.split("-")[0].split(".");
  while (parts.length < 4) parts.push("0");
  return parts.join(".");
}

/** manifest.xml with every dev URL moved to `base` and its <Version> the package's. */
function rewriteManifest(xml, base, version = manifestVersion()) {
  return xml
    .split(DEV_BASE_URL)
    .join(base)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifest, manifestVersion };
