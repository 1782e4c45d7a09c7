// Every sub-command of `chuyende`, one line each.
import type { Command } from "../command";
import { kiemTra } from "./kiem-tra";
import { khoiTao } from "./khoi-tao";
import { chuyenDoi } from "./chuyen-doi";
import { demo, registerDemoCommands } from "./demo";
import { baoCao } from "./bao-cao";
import { tongHop } from "./tong-hop";
import { deDan } from "./de-dan";
import { bienBan } from "./bien-ban";
import { danhSach } from "./danh-sach";
import { thongBao } from "./thong-bao";
import { mau } from "./mau";
import { goiY } from "./goi-y";
import { keHoach } from "./ke-hoach";

export const COMMANDS: Command[] = [
  kiemTra,
  khoiTao,
  chuyenDoi,
  demo,
  baoCao,
  tongHop,
  deDan,
  bienBan,
  danhSach,
  thongBao,
  mau,
  keHoach,
  goiY,
];

registerDemoCommands(COMMANDS);
