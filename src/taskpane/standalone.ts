// Entry of dist/so-chuyen-de.html: the pane in file mode as one HTML file that runs from
// disk (file://) with no network — what a đảng ủy office sends to its cells by e-mail or
// USB stick. The built-in templates are inside the page as data: URLs (fetch reads them
// without any request).
import "./chunkLoading";
import baoCao from "../../assets/templates/bao-cao.docx";
import bienBan from "../../assets/templates/bien-ban.docx";
import danhSach from "../../assets/templates/danh-sach.docx";
import deDan from "../../assets/templates/de-dan.docx";
import keHoach from "../../assets/templates/ke-hoach.docx";
import thongBao from "../../assets/templates/thong-bao.docx";
import { clear } from "./dom";
import { mountFileMode } from "./fileMode";

const ASSETS: Record<string, string> = {
  "assets/templates/de-dan.docx": deDan,
  "assets/templates/bien-ban.docx": bienBan,
  "assets/templates/danh-sach.docx": danhSach,
  "assets/templates/thong-bao.docx": thongBao,
  "assets/templates/ke-hoach.docx": keHoach,
  "assets/templates/bao-cao.docx": baoCao,
};

const root = document.getElementById("app");
if (root) {
  clear(root);
  mountFileMode(root, { assetUrl: (path) => ASSETS[path] ?? path });
}
