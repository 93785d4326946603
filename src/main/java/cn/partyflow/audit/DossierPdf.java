package cn.partyflow.audit;

import cn.partyflow.shared.CjkFont;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The case dossier as a PDF an inspector can file or print: the same content as the case page, Chinese font embedded. */
final class DossierPdf {

  private static final Color RED = new Color(0xC6, 0x28, 0x28);
  private static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

  private final Font title;
  private final Font heading;
  private final Font normal;
  private final Font small;
  private final Font strong;
  private final Font late;

  private DossierPdf() {
    BaseFont base = CjkFont.get();
    title = new Font(base, 16, Font.BOLD);
    heading = new Font(base, 12, Font.BOLD);
    normal = new Font(base, 9);
    small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
    strong = new Font(base, 9, Font.BOLD, new Color(0x8B, 0x00, 0x00));
    late = new Font(base, 9, Font.BOLD, RED);
  }

  static byte[] render(CaseFile file, String exportedBy, Date exportedAt) {
    return new DossierPdf().write(file, exportedBy, exportedAt);
  }

  private byte[] write(CaseFile file, String exportedBy, Date exportedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
    try {
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      CaseFile.Summary s = file.summary();
      doc.addTitle("案卷 " + s.title());
      doc.addCreator("partyflow");
      doc.open();
      Paragraph t = new Paragraph("案卷：" + s.title(), title);
      t.setAlignment(Element.ALIGN_CENTER);
      doc.add(t);
      doc.add(new Paragraph("导出人：" + exportedBy + "    导出时间：" + Formats.dateTime(exportedAt)
          + "    本文件由系统根据流程历史生成，仅供审查使用", small));
      summary(doc, s);
      timeline(doc, file.timeline());
      if (!file.opinions().isEmpty()) {
        section(doc, "意见、决定、退回理由与批注");
        PdfPTable table = table(new float[] {2.2f, 3, 2.2f, 6}, "时间", "环节", "人员", "内容");
        for (CaseFile.Opinion o : file.opinions()) {
          row(table, Formats.dateTime(o.time()), o.step(), o.actor(), o.name() + "：" + o.text());
        }
        doc.add(table);
      }
      if (!file.votes().isEmpty()) {
        section(doc, "表决");
        PdfPTable table = table(new float[] {2.2f, 3, 2.2f, 6}, "时间", "环节", "记录人", "表决结果");
        for (CaseFile.Vote v : file.votes()) {
          row(table, Formats.dateTime(v.time()), v.step(), v.actor(), v.counts().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("，")));
        }
        doc.add(table);
      }
      if (!file.timers().isEmpty()) {
        section(doc, "定时器与自动作业");
        PdfPTable table = table(new float[] {2.5f, 4, 6}, "时间", "环节", "事件");
        file.timers().forEach(x -> row(table, Formats.dateTime(x.time()), x.activity(), x.kind()));
        doc.add(table);
      }
      if (!file.operations().isEmpty()) {
        section(doc, "操作日志");
        PdfPTable table = table(new float[] {2.2f, 2.2f, 2f, 3f, 2f, 3.5f}, "时间", "操作人", "操作", "任务",
            "项目", "原值 → 新值");
        for (CaseFile.Operation o : file.operations()) {
          row(table, Formats.dateTime(o.time()), o.user(), o.operation(), o.taskName(), o.property(), o.change());
        }
        doc.add(table);
      }
      if (!file.routingReasons().isEmpty()) {
        section(doc, "任务转办说明（职务空缺）");
        file.routingReasons().forEach(r -> add(doc, new Paragraph("· " + r, normal)));
      }
      if (!file.notifications().isEmpty()) {
        section(doc, "通知");
        PdfPTable notices = table(new float[] {2.5f, 2, 2, 6, 3}, "时间", "收件人", "方式", "主题", "结果");
        file.notifications().forEach(n -> row(notices, Formats.dateTime(n.time()), n.recipient(), n.channel(),
            n.subject(), n.outcome()));
        doc.add(notices);
      }
      section(doc, "最终数据");
      PdfPTable values = table(new float[] {3, 9}, "数据项", "值");
      file.finalValues().forEach(v -> row(values, v.label(), v.newValue()));
      doc.add(values);
      section(doc, "查阅记录");
      PdfPTable access = table(new float[] {2.5f, 3, 2.5f, 5}, "时间", "人员", "操作", "说明");
      file.accessLog().forEach(a -> row(access, Formats.dateTime(a.time()), a.person(), a.action(),
          a.detail() == null ? "" : a.detail()));
      doc.add(access);
      DiagramPdf.addPage(doc, writer, file.diagramSvg(), "流程图：" + s.procedureName()
          + "（绿色为已完成，橙色为当前环节）");
      doc.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("案卷PDF生成失败：" + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private void summary(Document doc, CaseFile.Summary s) throws DocumentException {
    section(doc, "案卷概况");
    PdfPTable table = new PdfPTable(new float[] {2, 4, 2, 4});
    table.setWidthPercentage(100);
    pair(table, "流程", s.procedureName() + "（第" + s.procedureVersion() + "版）");
    pair(table, "业务编号", s.businessKey() == null ? "" : s.businessKey());
    pair(table, "当事人", s.person());
    pair(table, "所属组织", s.orgName());
    pair(table, "发起人", s.startedBy());
    pair(table, "状态", s.status() + (s.endReason() == null ? "" : "（" + s.endReason() + "）"));
    pair(table, "开始时间", Formats.dateTime(s.started()));
    pair(table, "结束时间", Formats.dateTime(s.ended()));
    pair(table, "当前环节", String.join("、", s.currentSteps()));
    table.completeRow();
    doc.add(table);
  }

  private void timeline(Document doc, List<CaseFile.Entry> entries) throws DocumentException {
    section(doc, "办理过程（按时间先后）");
    PdfPTable table = table(new float[] {0.7f, 3.2f, 2.2f, 2.4f, 2.2f, 5.3f}, "序", "环节", "办理人", "时间",
        "用时/期限", "提交的数据与说明");
    int i = 1;
    for (CaseFile.Entry e : entries) {
      table.addCell(cell(String.valueOf(i++), normal));
      table.addCell(cell("[" + e.kind() + "] " + e.title(), normal));
      table.addCell(cell(e.actor(), normal));
      table.addCell(cell(Formats.dateTime(e.start() != null ? e.start() : e.time())
          + (e.end() != null ? "\n至 " + Formats.dateTime(e.end()) : e.open() ? "\n（进行中）" : ""), normal));
      Phrase timing = new Phrase(e.duration(), normal);
      if (e.due() != null) {
        timing.add(new Chunk("\n期限 " + Formats.dateTime(e.due()), normal));
        if (e.late()) {
          timing.add(new Chunk("\n超期 " + e.lateBy(), late));
        }
      }
      table.addCell(new PdfPCell(timing));
      Phrase detail = new Phrase();
      for (CaseFile.Value v : e.values()) {
        Font f = v.prominent() ? strong : normal;
        detail.add(new Chunk(v.label() + "：" + (v.changed() ? v.oldValue() + " → " : "") + v.newValue() + "\n", f));
      }
      for (String n : e.notes()) {
        detail.add(new Chunk(n + "\n", small));
      }
      table.addCell(new PdfPCell(detail));
    }
    doc.add(table);
  }

  private void section(Document doc, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, heading);
    p.setSpacingBefore(10);
    p.setSpacingAfter(4);
    doc.add(p);
  }

  private static void add(Document doc, Paragraph p) {
    try {
      doc.add(p);
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
  }

  private PdfPTable table(float[] widths, String... headers) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String h : headers) {
      PdfPCell c = cell(h, heading);
      c.setBackgroundColor(GREY);
      table.addCell(c);
    }
    return table;
  }

  private void row(PdfPTable table, String... cells) {
    for (String c : cells) {
      table.addCell(cell(c == null ? "" : c, normal));
    }
  }

  private void pair(PdfPTable table, String label, String value) {
    PdfPCell l = cell(label, heading);
    l.setBackgroundColor(GREY);
    table.addCell(l);
    table.addCell(cell(value == null ? "" : value, normal));
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell c = new PdfPCell(new Phrase(text, font));
    c.setPadding(3);
    return c;
  }
}
