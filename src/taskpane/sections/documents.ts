// Tài liệu section (loaded on demand).
import type { DocumentKind } from "../../core/make/documentData";
import { UserError } from "../../core/shared/types";
import { appendInBatches, clear, h } from "../dom";
import { DOCUMENT_KINDS, DOCUMENT_LABEL } from "../../core/make/meetingPapers";
import type { TopicChoice } from "../logic/documents";
import type { Offload, PaneSection } from "../services";
import { filePicker } from "../filePicker";
import { busy } from "../status";

export const documentsSection: PaneSection = {
  mount(container, services, status) {
    // In the page, the register is read and the paper filled in its file worker.
    // In Excel, here: the document library loads with the first list (its own chunk).
    const here = () => import(/* webpackChunkName: "tai-lieu-word" */ "../logic/documents");
    const work: Pick<Offload, "documentTopics" | "makeDocument"> = services.offload ?? {
      documentTopics: async () => (await here()).topicChoices(services.workbook),
      makeDocument: async (...args) => (await here()).makeDocumentFrom(services.workbook, ...args),
    };
    const topic = h("select", { id: "tai-lieu-chuyen-de" });
    const ownPicker = filePicker({
      id: "tai-lieu-mau",
      accept: ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buttonText: "Chọn mẫu .docx…",
      emptyText: "Dùng mẫu có sẵn",
    });
    const own = ownPicker.input;
    const makeButtons = DOCUMENT_KINDS.map((kind: DocumentKind) => {
      const b = h("button", { type: "button" }, `Tạo ${DOCUMENT_LABEL[kind].toLowerCase()}`);
      b.addEventListener(
        "click",
        () =>
          void busy(b, status, `Đang tạo ${DOCUMENT_LABEL[kind].toLowerCase()}…`, async () => {
            const stt = Number(topic.value);
            if (!topic.value || !Number.isFinite(stt)) throw new UserError("CHUA_CHON", "Hãy chọn một chuyên đề.");
            const file = own.files?.[0];
            let template: Uint8Array;
            if (file) template = new Uint8Array(await file.arrayBuffer());
            else {
              const res = await fetch(services.assetUrl(`assets/templates/${kind}.docx`));
              if (!res.ok) throw new UserError("KHONG_CO_MAU", "Không tải được mẫu có sẵn — hãy chọn mẫu .docx của mình.");
              template = new Uint8Array(await res.arrayBuffer());
            }
            const made = await work.makeDocument(kind, stt, template, { today: services.today(), templateName: file?.name });
            await services.saveFile(made.file);
            status.done(`Đã tạo ${made.file.name}.` + (made.problems.length ? ` Cần xem lại: ${made.problems.join(" ")}` : ""));
          }),
      );
      return b;
    });
    const form = h(
      "div",
      { hidden: true },
      h("label", { for: "tai-lieu-chuyen-de" }, "Chuyên đề"),
      topic,
      h("div", { className: "field-label" }, "Mẫu của tôi (không bắt buộc)"),
      ownPicker.root,
      h("div", { className: "actions" }, ...makeButtons),
    );
    // The topics are listed as soon as the section opens (no extra click), and read again
    // whenever the list is about to be used (focus), so a register changed meanwhile shows.
    let reading: Promise<void> | null = null;
    let listed: TopicChoice[] = [];
    const listTopics = async (announce: boolean): Promise<void> => {
      const topics = await work.documentTopics();
      const chosen = topic.value;
      const same = topics.length === listed.length && topics.every((t, i) => t.stt === listed[i].stt && t.label === listed[i].label);
      if (!same) {
        listed = topics;
        clear(topic);
        // Thousands of topics: built a part per task, so the page keeps answering.
        await appendInBatches(topic, topics, (t) => h("option", { value: String(t.stt) }, t.label));
        if (topics.some((t) => String(t.stt) === chosen)) topic.value = chosen;
      }
      form.hidden = topics.length === 0;
      if (topics.length === 0) status.done("Sổ chưa có chuyên đề nào có STT — hãy điền cột STT.");
      else if (announce || !same) status.done(`Có ${topics.length} chuyên đề có số thứ tự.`);
    };
    const refresh = (announce: boolean): void => {
      if (reading) return;
      reading = listTopics(announce)
        .catch((err: unknown) => {
          form.hidden = true;
          status.error(err);
        })
        .finally(() => {
          reading = null;
        });
    };
    topic.addEventListener("focus", () => refresh(false));
    container.append(
      h(
        "p",
        { className: "hint" },
        "Tạo đề dẫn, thông báo gửi dự thảo, danh sách ký tên, biên bản hoặc báo cáo kết quả (.docx) cho một chuyên đề, theo mẫu có sẵn hoặc mẫu của mình.",
      ),
      form,
    );
    status.progress("Đang đọc danh sách chuyên đề…");
    refresh(true);
  },
};
