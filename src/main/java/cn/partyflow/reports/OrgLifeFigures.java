package cn.partyflow.reports;

import cn.partyflow.organizationallife.HeldMeetings;
import cn.partyflow.organizationallife.HeldMeetings.Held;
import cn.partyflow.organizationallife.MeetingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * 组织生活 in the period, from the meetings the branches recorded (read through {@link HeldMeetings}): meetings by type,
 * 三会一课 (党员大会, 支委会, 党小组会, 党课) together, and the attendance rate (present ÷ entitled over the meetings);
 * and the same per branch. Each count is the list of the meetings it counts.
 */
@Component
class OrgLifeFigures {

  static final List<String> HEADERS = List.of("召开次数", "应到人次", "实到人次", "参会率");
  /** The wording's number for each type's count. */
  static final Map<MeetingType, String> NUMBERS = Map.of(MeetingType.GENERAL_MEETING, "olGeneral",
      MeetingType.COMMITTEE_MEETING, "olCommittee", MeetingType.GROUP_MEETING, "olGroup", MeetingType.PARTY_LECTURE,
      "olLecture", MeetingType.THEME_DAY, "olThemeDays", MeetingType.HEART_TALK, "olTalks");

  private final HeldMeetings meetings;

  OrgLifeFigures(HeldMeetings meetings) {
    this.meetings = meetings;
  }

  List<Held> held(ReportScope scope, Period period) {
    return meetings.between(scope.orgIds(), period.from(), period.to());
  }

  List<ReportTable> tables(ReportScope scope, Period period, Figures f) {
    List<Held> held = held(scope, period);
    List<ReportTable.Row> byType = new ArrayList<>();
    for (MeetingType type : MeetingType.values()) {
      List<Held> of = only(held, h -> h.type() == type);
      f.number(NUMBERS.get(type), of.size());
      byType.add(new ReportTable.Row(type.label(), cells("orglife.type." + type.key(), type.label(), of, scope, f)));
    }
    List<Held> threeOne = only(held, h -> h.type().threeMeetingsOneLesson());
    byType.add(new ReportTable.Row("其中：三会一课", cells("orglife.threeOne", "三会一课", threeOne, scope, f)));
    byType.add(new ReportTable.Row("合计", cells("orglife.all", "组织生活会议", held, scope, f)));
    f.number("olThreeOne", threeOne.size());
    f.number("olMeetings", held.size());
    f.number("olRate", rate(held));

    List<ReportTable.Row> byBranch = new ArrayList<>();
    Map<String, List<Held>> grouped = new LinkedHashMap<>();
    scope.ordered().forEach(o -> grouped.put(o.id(), new ArrayList<>()));
    held.forEach(h -> grouped.computeIfAbsent(h.branchId(), k -> new ArrayList<>()).add(h));
    grouped.forEach((branch, of) -> {
      if (!of.isEmpty()) {
        List<Held> branchThreeOne = only(of, h -> h.type().threeMeetingsOneLesson());
        List<Held> themeDays = only(of, h -> h.type() == MeetingType.THEME_DAY);
        byBranch.add(new ReportTable.Row(scope.name(branch), List.of(
            f.count("orglife.branch." + branch + ".threeOne", scope.name(branch) + "三会一课", refs(branchThreeOne,
                scope)),
            f.count("orglife.branch." + branch + ".themeDay", scope.name(branch) + "主题党日", refs(themeDays, scope)),
            f.count("orglife.branch." + branch, scope.name(branch) + "组织生活会议", refs(of, scope)),
            ReportTable.Cell.text(rate(of)))));
      }
    });
    return List.of(
        new ReportTable("orglife", "组织生活（按会议类型）", HEADERS, byType,
            "支部记录的会议，按召开日期计入统计期间；参会率＝实到人次÷应到人次。"),
        new ReportTable("orglife-branches", "组织生活（按党支部）", List.of("三会一课", "主题党日", "会议合计", "参会率"),
            byBranch, byBranch.isEmpty() ? "统计期间没有记录的会议。" : null));
  }

  private static List<ReportTable.Cell> cells(String key, String label, List<Held> of, ReportScope scope,
      Figures f) {
    long entitled = of.stream().mapToLong(Held::entitled).sum();
    long present = of.stream().mapToLong(Held::present).sum();
    return List.of(f.count(key, label, refs(of, scope)), ReportTable.Cell.text(String.valueOf(entitled)),
        ReportTable.Cell.text(String.valueOf(present)), ReportTable.Cell.text(Figures.rate(present, entitled)));
  }

  static String rate(List<Held> of) {
    return Figures.rate(of.stream().mapToLong(Held::present).sum(), of.stream().mapToLong(Held::entitled).sum());
  }

  private static List<Ref> refs(List<Held> of, ReportScope scope) {
    return of.stream().map(h -> new Ref(h.type().label() + " " + h.heldOn(), scope.name(h.branchId()), h.topic()
        + "（应到" + h.entitled() + "人，实到" + h.present() + "人）", h.href(), null)).toList();
  }

  private static List<Held> only(List<Held> held, Predicate<Held> test) {
    return held.stream().filter(test).toList();
  }
}
