package cn.partyflow.organizationallife;

import cn.partyflow.organizationallife.OrganizationalLifeRules.Counts;
import cn.partyflow.organizationallife.OrganizationalLifeRules.HeldMeeting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * A branch's year of meetings as a workbook an inspector can read: one row per meeting (with absentees, their
 * reasons and 补课) and a sheet of counts per quarter and for the year.
 */
@Service
public class MeetingExport {

  private final MeetingStore store;

  MeetingExport(MeetingStore store) {
    this.store = store;
  }

  public byte[] workbook(String branchId, String branchName, int year) {
    List<MeetingStore.Meeting> meetings = store.meetings(branchId, year);
    Map<Long, Integer> files = store.attachmentCounts(branchId, year);
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet records = wb.createSheet("会议记录");
      row(records, 0, branchName + year + "年度组织生活会议记录");
      row(records, 1, "日期", "会议类型", "主题", "第一议题", "地点", "主持人", "记录人", "应到人数", "实到人数", "出勤率",
          "请假、缺席人员及原因", "补课", "决议事项", "附件数", "登记人");
      int r = 2;
      for (MeetingStore.Meeting m : meetings) {
        List<String> absent = new ArrayList<>();
        List<String> madeUp = new ArrayList<>();
        for (MeetingStore.AttendanceRow a : store.attendance(m.id())) {
          if (a.attendance() != Attendance.PRESENT) {
            absent.add(a.name() + "（" + a.attendance().label() + "：" + a.reason() + "）");
            madeUp.add(a.name() + (a.madeUpOn() == null ? "未补课" : a.madeUpOn() + "补课"));
          }
        }
        Counts one = OrganizationalLifeRules.counts(List.of(new HeldMeeting(m.type(), m.heldOn(), m.entitled(),
            m.present())), Period.year(year));
        row(records, r++, m.heldOn().toString(), m.type().label(), m.topic(), nz(m.firstTopic()), nz(m.place()),
            m.chairName(), m.recorderName(), m.entitled(), m.present(), one.attendanceText(), String.join("；", absent),
            String.join("；", madeUp), nz(m.decisions()), files.getOrDefault(m.id(), 0), m.recordedBy());
      }
      Sheet counts = wb.createSheet("统计");
      row(counts, 0, branchName + year + "年度组织生活统计");
      row(counts, 1, "期间", "三会一课（次）", "支部党员大会", "支委会", "党小组会", "党课", "主题党日（次）", "谈心谈话", "应到人次",
          "实到人次", "出勤率");
      List<HeldMeeting> held = store.held(branchId, year);
      List<Period> periods = new ArrayList<>();
      for (int q = 1; q <= 4; q++) {
        periods.add(Period.quarter(year, q));
      }
      periods.add(Period.year(year));
      int c = 2;
      for (Period p : periods) {
        Counts n = OrganizationalLifeRules.counts(held, p);
        row(counts, c++, p.label(), n.threeMeetingsOneLesson(), n.of(MeetingType.GENERAL_MEETING),
            n.of(MeetingType.COMMITTEE_MEETING), n.of(MeetingType.GROUP_MEETING), n.of(MeetingType.PARTY_LECTURE),
            n.themeDays(), n.of(MeetingType.HEART_TALK), n.entitled(), n.present(), n.attendanceText());
      }
      for (int i = 0; i < 15; i++) {
        records.setColumnWidth(i, 14 * 256);
      }
      for (int i = 0; i < 11; i++) {
        counts.setColumnWidth(i, 14 * 256);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(Sheet sheet, int index, Object... values) {
    Row row = sheet.createRow(index);
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else {
        row.createCell(i).setCellValue(values[i] == null ? "" : values[i].toString());
      }
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
