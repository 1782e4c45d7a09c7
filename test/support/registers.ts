// Registers the verdict tests share (core, CLI, property test).
import type { BookSpec } from "./bookBuilder";
import { completeTopic } from "./bookBuilder";

/** The register: 2024, Quý III's topic postponed, four held (two in Quý IV). */
export const POSTPONED_Q3: BookSpec = {
  info: { year: 2024 },
  topics: [
    completeTopic("14/03/2024", { title: "Học tập tư tưởng Hồ Chí Minh" }),
    completeTopic("20/06/2024", { title: "Nâng cao chất lượng chuyên môn" }),
    {
      title: "Lãnh đạo Công đoàn cơ sở",
      quarter: "III",
      meetingOn: "24/07/2024",
      status: "Hoãn",
      note: "Hoãn do trùng đợt kiểm tra của Kiểm toán Nhà nước.",
    },
    completeTopic("10/10/2024", { title: "Công tác phát triển đảng viên" }),
    completeTopic("12/12/2024", { title: "Chuyển đổi số trong cơ quan" }),
  ],
};
