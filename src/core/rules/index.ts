// The registry of the check's rules (SPEC §4, and the three of §10), in the order of the spec's tables.
// Adding a rule: one file <CODE>.ts (meta + check), one line here, one test table.
import type { Rule } from "./context";
import * as THIEU_CHUYEN_DE_QUY from "./THIEU_CHUYEN_DE_QUY";
import * as THIEU_KE_HOACH_NAM from "./THIEU_KE_HOACH_NAM";
import * as THIEU_PHU_TRACH from "./THIEU_PHU_TRACH";
import * as PHU_TRACH_LA from "./PHU_TRACH_LA";
import * as THIEU_THONG_QUA from "./THIEU_THONG_QUA";
import * as THONG_QUA_MUON from "./THONG_QUA_MUON";
import * as THIEU_GUI_DU_THAO from "./THIEU_GUI_DU_THAO";
import * as GUI_DU_THAO_MUON from "./GUI_DU_THAO_MUON";
import * as GUI_TRUOC_THONG_QUA from "./GUI_TRUOC_THONG_QUA";
import * as CHUA_GUI_HOAN_THIEN from "./CHUA_GUI_HOAN_THIEN";
import * as CHUA_BAO_CAO_CAP_TREN from "./CHUA_BAO_CAO_CAP_TREN";
import * as HOAN_THIEN_TRUOC_SINH_HOAT from "./HOAN_THIEN_TRUOC_SINH_HOAT";
import * as DA_SINH_HOAT_THIEU_NGAY from "./DA_SINH_HOAT_THIEU_NGAY";
import * as THIEU_QUY from "./THIEU_QUY";
import * as SAI_QUY from "./SAI_QUY";
import * as NGOAI_NAM from "./NGOAI_NAM";
import * as TRUNG_TEN from "./TRUNG_TEN";
import * as TRUNG_STT from "./TRUNG_STT";
import * as THIEU_TEN from "./THIEU_TEN";
import * as NGAY_KHONG_HOP_LE from "./NGAY_KHONG_HOP_LE";
import * as THIEU_COT from "./THIEU_COT";
import * as THIEU_DIEM_DANH from "./THIEU_DIEM_DANH";
import * as VANG_KHONG_LY_DO from "./VANG_KHONG_LY_DO";
import * as VANG_NHIEU_LAN from "./VANG_NHIEU_LAN";
import * as TY_LE_DU_THAP from "./TY_LE_DU_THAP";
import * as THOI_LUONG_NGAN from "./THOI_LUONG_NGAN";
import * as Y_KIEN_NGUOI_VANG from "./Y_KIEN_NGUOI_VANG";
import * as BIEU_QUYET_VUOT from "./BIEU_QUYET_VUOT";

export const RULES: readonly Rule[] = [
  THIEU_CHUYEN_DE_QUY,
  THIEU_KE_HOACH_NAM,
  THIEU_PHU_TRACH,
  PHU_TRACH_LA,
  THIEU_THONG_QUA,
  THONG_QUA_MUON,
  THIEU_GUI_DU_THAO,
  GUI_DU_THAO_MUON,
  GUI_TRUOC_THONG_QUA,
  CHUA_GUI_HOAN_THIEN,
  CHUA_BAO_CAO_CAP_TREN,
  HOAN_THIEN_TRUOC_SINH_HOAT,
  DA_SINH_HOAT_THIEU_NGAY,
  THIEU_QUY,
  SAI_QUY,
  NGOAI_NAM,
  TRUNG_TEN,
  TRUNG_STT,
  THIEU_TEN,
  NGAY_KHONG_HOP_LE,
  THIEU_COT,
  THIEU_DIEM_DANH,
  VANG_KHONG_LY_DO,
  VANG_NHIEU_LAN,
  TY_LE_DU_THAP,
  THOI_LUONG_NGAN,
  Y_KIEN_NGUOI_VANG,
  BIEU_QUYET_VUOT,
];

export type { Rule, RuleContext, RuleMeta } from "./context";
