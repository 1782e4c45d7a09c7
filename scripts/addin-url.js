// The add-in's base URL: https://localhost:3000 while developing, ADDIN_URL for a
// deployment. Shared by webpack.config.js (which rewrites manifest.xml into dist/) and
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

/** manifest.xml with every dev URL moved to `base`. */
function rewriteManifest(xml, base) {
  return xml.split(DEV_BASE_URL).join(base);
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, rewriteManifest };
