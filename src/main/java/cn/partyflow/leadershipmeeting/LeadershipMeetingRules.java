package cn.partyflow.leadershipmeeting;

import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the 民主生活会 (domain-rules.md section 4) as plain Java: the plan sent up in advance, the talks among
 * the 班子成员, each member's 对照检查材料, two thirds present at the meeting, and the report upward after it.
 */
public final class LeadershipMeetingRules {

  /** A 谈心谈话 between two 班子成员 (person ids) on a day. */
  public record Talk(String first, String second, LocalDate on) {}

  private LeadershipMeetingRules() {}

  /**
   * The plan reaches the higher level at least {@code planAdvanceDays} before the meeting [L]; the meeting of a year
   * is held in that year or, as is common, before the end of the following year's first quarter.
   */
  public static void plan(LocalDate submittedOn, LocalDate plannedDate, int year, LeadershipMeetingSettings s) {
    if (plannedDate == null) {
      throw new RuleViolation("leadershipMeeting.plan.date", "请填写拟召开日期");
    }
    LocalDate earliest = submittedOn.plusDays(s.planAdvanceDays());
    if (plannedDate.isBefore(earliest)) {
      throw new RuleViolation("leadershipMeeting.plan.advance", "民主生活会的主题和方案须提前" + s.planAdvanceDays()
          + "天报上级党组织：今天（" + submittedOn + "）报送的方案，会议最早在" + earliest + "召开，拟召开日期是"
          + plannedDate);
    }
    LocalDate last = LocalDate.of(year + 1, 3, 31);
    if (plannedDate.getYear() < year || plannedDate.isAfter(last)) {
      throw new RuleViolation("leadershipMeeting.plan.year", year + "年度民主生活会应在" + year + "年内召开（最迟不晚于"
          + last + "），拟召开日期是" + plannedDate);
    }
  }

  /** The fewest present for the meeting to be held: two thirds of the 班子成员 who should attend, rounded up. */
  public static int fewestPresent(int entitled) {
    return (2 * entitled + 2) / 3;
  }

  /** At least two thirds of the 班子成员 present [V]. */
  public static void attendance(int entitled, int present) {
    if (present > entitled) {
      throw new RuleViolation("leadershipMeeting.attendance.count", "实到人数" + present + "人多于应到人数" + entitled
          + "人");
    }
    if (present < fewestPresent(entitled)) {
      throw new RuleViolation("leadershipMeeting.attendance.twoThirds", "民主生活会须有三分之二以上的班子成员到会方可召开："
          + "应到" + entitled + "人，实到" + present + "人，至少须到" + fewestPresent(entitled) + "人。请改期召开");
    }
  }

  /**
   * The 谈心谈话 before the meeting: every two 班子成员 talk with each other (so the 书记 with every member), each
   * talk between two different members, on a day not after today. Missing pairs are named.
   */
  public static void talks(Map<String, String> members, List<Talk> talks, LocalDate today) {
    Set<String> done = new HashSet<>();
    for (Talk t : talks) {
      if (t.first() == null || t.second() == null || !members.containsKey(t.first())
          || !members.containsKey(t.second())) {
        throw new RuleViolation("leadershipMeeting.talk.member", "谈心谈话的双方须是班子成员");
      }
      if (t.first().equals(t.second())) {
        throw new RuleViolation("leadershipMeeting.talk.pair", "谈心谈话须是两名不同的班子成员之间（"
            + members.get(t.first()) + "列了两次）");
      }
      if (t.on() == null) {
        throw new RuleViolation("leadershipMeeting.talk.date", "请填写" + members.get(t.first()) + "与"
            + members.get(t.second()) + "谈心谈话的日期");
      }
      if (t.on().isAfter(today)) {
        throw new RuleViolation("leadershipMeeting.talk.future", members.get(t.first()) + "与" + members.get(t.second())
            + "谈心谈话的日期" + t.on() + "不能晚于今天");
      }
      done.add(pair(t.first(), t.second()));
    }
    List<String> missing = new ArrayList<>();
    List<String> ids = new ArrayList<>(members.keySet());
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        if (!done.contains(pair(ids.get(i), ids.get(j)))) {
          missing.add(members.get(ids.get(i)) + "与" + members.get(ids.get(j)));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new RuleViolation("leadershipMeeting.talk.coverage", "会前班子成员之间要相互谈心谈话，书记与每名班子成员都要谈："
          + "尚未登记" + String.join("、", missing) + "的谈话");
    }
  }

  /** Every 班子成员 has submitted a 对照检查材料, on a day not after today. */
  public static void materials(Map<String, String> members, Map<String, LocalDate> submitted, LocalDate today) {
    List<String> missing = new ArrayList<>();
    members.forEach((id, name) -> {
      LocalDate on = submitted.get(id);
      if (on == null) {
        missing.add(name);
      } else if (on.isAfter(today)) {
        throw new RuleViolation("leadershipMeeting.material.future", name + "提交对照检查材料的日期" + on + "不能晚于今天");
      }
    });
    if (!missing.isEmpty()) {
      throw new RuleViolation("leadershipMeeting.material.missing", "每名班子成员都要撰写对照检查材料：" + String.join("、",
          missing) + "尚未提交");
    }
  }

  /**
   * The meeting is held after the plan was approved and the preparation done, not before the planned day the higher
   * level approved (else the {@code planAdvanceDays} ahead were moot; postponing is allowed), and not in the future.
   */
  public static void meetingDate(LocalDate meetingDate, LocalDate preparedOn, LocalDate plannedDate,
      LocalDate today) {
    if (meetingDate == null) {
      throw new RuleViolation("form.required", "请填写会议日期");
    }
    if (meetingDate.isAfter(today)) {
      throw new RuleViolation("leadershipMeeting.meeting.future", "会议日期" + meetingDate + "不能晚于今天");
    }
    if (preparedOn != null && meetingDate.isBefore(preparedOn)) {
      throw new RuleViolation("leadershipMeeting.meeting.beforePlan", "会议日期" + meetingDate + "早于方案经上级同意的日期"
          + preparedOn + "：民主生活会须在方案报经上级同意后召开");
    }
    if (plannedDate != null && meetingDate.isBefore(plannedDate)) {
      throw new RuleViolation("leadershipMeeting.meeting.beforePlannedDate", "会议日期" + meetingDate
          + "早于上级同意的拟召开日期" + plannedDate + "：民主生活会不得提前召开，提前召开须经上级党组织批准"
          + "（在案卷页面申请改期）");
    }
  }

  /** The longest reason of a request to hold the meeting on another day. */
  public static final int MAX_DATE_CHANGE_REASON = 500;

  /**
   * A request to hold the meeting earlier or later than the planned day the higher level approved, which needs the
   * higher level's approval [V]: with its reason, for a day not in the past, other than the approved one, and still
   * within the year's limit of {@link #plan}. Returns 提前 or 推迟.
   */
  public static String dateChange(LocalDate approvedDay, LocalDate newDay, String reason, int year, LocalDate today) {
    if (newDay == null) {
      throw new RuleViolation("form.required", "请填写改期后的召开日期");
    }
    if (reason == null || reason.isBlank()) {
      throw new RuleViolation("leadershipMeeting.dateChange.reason", "提前或推迟召开民主生活会须报上级党组织批准，"
          + "请写明改期的理由");
    }
    if (reason.strip().length() > MAX_DATE_CHANGE_REASON) {
      throw new RuleViolation("leadershipMeeting.dateChange.reasonLength", "改期的理由不能超过" + MAX_DATE_CHANGE_REASON
          + "字，现有" + reason.strip().length() + "字");
    }
    if (newDay.isBefore(today)) {
      throw new RuleViolation("leadershipMeeting.dateChange.past", "改期后的召开日期" + newDay + "早于今天（" + today
          + "）：提前或推迟召开须在召开前报上级党组织批准");
    }
    if (newDay.equals(approvedDay)) {
      throw new RuleViolation("leadershipMeeting.dateChange.same", "改期后的召开日期" + newDay
          + "就是上级同意的拟召开日期，无须申请改期");
    }
    LocalDate last = LocalDate.of(year + 1, 3, 31);
    if (newDay.getYear() < year || newDay.isAfter(last)) {
      throw new RuleViolation("leadershipMeeting.dateChange.year", year + "年度民主生活会应在" + year
          + "年内召开（最迟不晚于" + last + "），改期后的召开日期是" + newDay);
    }
    return newDay.isBefore(approvedDay) ? "提前" : "推迟";
  }

  /** The report's last day: {@code reportDays} after the meeting [M]. */
  public static LocalDate reportDue(LocalDate meetingDate, LeadershipMeetingSettings s) {
    return meetingDate.plusDays(s.reportDays());
  }

  /** The report upward: after the meeting, not in the future, within its days or with the reason for the delay. */
  public static void report(LocalDate meetingDate, LocalDate reportDate, String delayReason, LocalDate today,
      LeadershipMeetingSettings s) {
    if (reportDate == null) {
      throw new RuleViolation("form.required", "请填写报送日期");
    }
    if (reportDate.isBefore(meetingDate) || reportDate.isAfter(today)) {
      throw new RuleViolation("leadershipMeeting.report.date", "报送日期" + reportDate + "应在会议日期" + meetingDate
          + "和今天之间");
    }
    LocalDate due = reportDue(meetingDate, s);
    if (reportDate.isAfter(due) && (delayReason == null || delayReason.isBlank())) {
      throw new RuleViolation("leadershipMeeting.report.late", "民主生活会召开后" + s.reportDays() + "天内（" + due
          + "前）须向上级党组织报送情况报告；超过期限报送的，请写明超期原因");
    }
  }

  private static String pair(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
