// The placeholders only the report of a finished topic has (bao-cao.docx). The rest of its data
// is the biên bản's (the meeting, attendance, conclusions, tasks) and the notice's (number, who
// signs, the approval): TEMPLATE_FIELDS and PAPER_FIELDS list those with kind "bao-cao".
import type { TemplateField } from "./documentData";
import type { DocumentKind } from "./documentText";

const BC: DocumentKind[] = ["bao-cao"];

export const TOPIC_REPORT_FIELDS: readonly TemplateField[] = [
  {
    name: "capTren",
    kinds: BC,
    type: "text",
    description: "Cấp ủy cấp trên trực tiếp nhận báo cáo (từ Đảng bộ cơ sở của Thông tin)",
    example: "Đảng ủy Phường Bến Thành",
  },
  {
    name: "yKienText",
    kinds: BC,
    type: "text",
    description: "Câu về các ý kiến phát biểu (số lượt và người phát biểu, trang Ý kiến)",
    example: "có 03 lượt ý kiến phát biểu của các đồng chí Lê Văn Cường, Trần Thị Bình và Phạm Thị Dung",
  },
  {
    name: "hoanThienText",
    kinds: BC,
    type: "text",
    description: "Câu về việc hoàn thiện chuyên đề và gửi đảng viên (Ngày gửi bản hoàn thiện)",
    example: "Chuyên đề đã được hoàn thiện và gửi đảng viên trong chi bộ ngày 08/02/2021 để nghiên cứu, học tập",
  },
];
