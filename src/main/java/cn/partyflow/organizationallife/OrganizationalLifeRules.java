package cn.partyflow.organizationallife;

import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of a branch's organisational life, plain Java: the year's plan, what a period misses, whether a meeting
 * record is complete and quorate, and the counts a year's report quotes. Sources: 《中国共产党支部工作条例（试行）》
 * (2018) as summarised in domain-rules.md section 4.
 */
public final class OrganizationalLifeRules {

  /** Where the quorum rules come from, as a message names them. */
  static final String REGULATION = "《中国共产党支部工作条例（试行）》";
  static final int MAX_TOPIC = 200;
  static final int MAX_REASON = 200;
  static final int MAX_PLACE = 100;
  static final int MAX_DECISIONS = 2000;

  private OrganizationalLifeRules() {}

  /** One required meeting of the plan: a type in a period, with the day it is planned on where the rules fix one. */
  public record PlannedMeeting(MeetingType type, Period period, LocalDate plannedOn) {}

  /** A meeting held, as far as the plan and the counts need it. */
  public record HeldMeeting(MeetingType type, LocalDate heldOn, int entitled, int present) {}

  /** Somebody who may be entitled to a meeting: a member of the branch; only full members vote. */
  public record Member(String personId, String name, boolean voting) {}

  /** How one entitled person took part, with the reason of an absence and the day the lesson was made up. */
  public record Presence(Attendance attendance, String reason, LocalDate madeUpOn) {}

  /** A meeting as an officer records it. {@code attendance} holds the entitled people only. */
  public record MeetingRecord(MeetingType type, LocalDate heldOn, String place, String topic, String firstTopic,
      String chairId, String recorderId, String decisions, Map<String, Presence> attendance) {}

  /** Who was entitled and present, in all and among those with a vote. */
  public record Tally(int entitled, int present, int votingEntitled, int votingPresent) {}

  /** The counts of a branch over a period, as its report quotes them. */
  public record Counts(Map<MeetingType, Integer> byType, int threeMeetingsOneLesson, int themeDays, int entitled,
      int present) {

    /** Attendance rate in per cent, one decimal; null when nobody was entitled to anything. */
    public BigDecimal attendanceRate() {
      return entitled == 0 ? null : BigDecimal.valueOf(present * 100L)
          .divide(BigDecimal.valueOf(entitled), 1, RoundingMode.HALF_UP);
    }

    public String attendanceText() {
      BigDecimal rate = attendanceRate();
      return rate == null ? "—" : rate.toPlainString() + "%";
    }

    public int of(MeetingType type) {
      return byType.getOrDefault(type, 0);
    }
  }

  /**
   * The year's plan: every type at its frequency, 党小组会 only where the branch has 党小组, 主题党日 planned on the
   * fixed day of each month.
   */
  public static List<PlannedMeeting> plan(int year, OrganizationalLifeSettings settings, boolean hasGroups) {
    List<PlannedMeeting> plan = new ArrayList<>();
    for (MeetingType type : MeetingType.values()) {
      if (type == MeetingType.GROUP_MEETING && !hasGroups) {
        continue;
      }
      for (Period p : settings.frequencyOf(type).periods(year)) {
        LocalDate planned = type == MeetingType.THEME_DAY
            ? p.start().withDayOfMonth(Math.max(1, Math.min(28, settings.themeDay()))) : null;
        plan.add(new PlannedMeeting(type, p, planned));
      }
    }
    return plan;
  }

  /**
   * The days on which periods end, from the case's start on: a period that ended before the case began is not
   * checked (nobody was told to keep its records here).
   */
  public static List<LocalDate> periodEnds(List<PlannedMeeting> plan, LocalDate startedOn) {
    TreeSet<LocalDate> ends = new TreeSet<>();
    plan.stream().map(m -> m.period().end()).filter(e -> !e.isBefore(startedOn)).forEach(ends::add);
    return List.copyOf(ends);
  }

  /** The required meetings of the periods ending on {@code periodEnd} that no meeting held in the period meets. */
  public static List<PlannedMeeting> missing(List<PlannedMeeting> plan, LocalDate periodEnd, List<HeldMeeting> held) {
    return plan.stream().filter(m -> m.period().end().equals(periodEnd))
        .filter(m -> held.stream().noneMatch(h -> h.type() == m.type() && m.period().contains(h.heldOn())))
        .toList();
  }

  /** "2027年3月支委会、2027年第一季度支部党员大会", as a reminder names what is missing. */
  public static String describe(List<PlannedMeeting> missing) {
    Map<String, List<String>> byPeriod = new LinkedHashMap<>();
    missing.forEach(m -> byPeriod.computeIfAbsent(m.period().label(), k -> new ArrayList<>()).add(m.type().label()));
    List<String> parts = new ArrayList<>();
    byPeriod.forEach((period, types) -> parts.add(period + String.join("、", types)));
    return String.join("；", parts);
  }

  /**
   * Checks a record before anything is stored: the day lies in the case's year and not in the future, the topic
   * (and the 第一议题 where the county uses it) is given, chair and recorder are people of the branch who were
   * present, every absence has its reason, a 补课 lies between the meeting and today, and the meeting was quorate.
   *
   * @param roster the people who may be entitled to this type of meeting
   * @param branchPeople the ids of everybody in the branch, who may chair or record
   */
  public static Tally check(MeetingRecord r, int year, LocalDate today, List<Member> roster, Set<String> branchPeople,
      OrganizationalLifeSettings settings) {
    if (r.type() == null) {
      throw new RuleViolation("organizationalLife.type", "请选择会议类型");
    }
    String what = r.type().label();
    if (r.heldOn() == null) {
      throw new RuleViolation("organizationalLife.date", "请填写" + what + "召开的日期");
    }
    if (r.heldOn().getYear() != year) {
      throw new RuleViolation("organizationalLife.date", what + "的日期" + r.heldOn() + "不在" + year + "年内；每年的会议记在当年的组织生活中");
    }
    if (r.heldOn().isAfter(today)) {
      throw new RuleViolation("organizationalLife.date", what + "的日期" + r.heldOn() + "晚于今天；会议召开后才能记录");
    }
    requireText(r.topic(), what + "的主题", MAX_TOPIC);
    if (settings.needsFirstTopic(r.type())) {
      requireText(r.firstTopic(), what + "的第一议题（学习习近平总书记最新重要讲话、指示批示精神等）", MAX_TOPIC);
    } else {
      limit(r.firstTopic(), "第一议题", MAX_TOPIC);
    }
    limit(r.place(), "地点", MAX_PLACE);
    limit(r.decisions(), "决议事项", MAX_DECISIONS);

    Map<String, Member> known = new LinkedHashMap<>();
    roster.forEach(m -> known.put(m.personId(), m));
    Map<String, Presence> attendance = r.attendance() == null ? Map.of() : r.attendance();
    for (String id : attendance.keySet()) {
      if (!known.containsKey(id)) {
        throw new RuleViolation("organizationalLife.attendance.person", "参会人员" + id + "不是本支部可参加" + what + "的人员");
      }
    }
    if (attendance.isEmpty()) {
      throw new RuleViolation("organizationalLife.attendance.none", "请登记应参加" + what + "的人员及其出席情况");
    }
    int entitled = 0;
    int present = 0;
    int votingEntitled = 0;
    int votingPresent = 0;
    for (Map.Entry<String, Presence> e : attendance.entrySet()) {
      Member m = known.get(e.getKey());
      Presence p = e.getValue();
      if (p == null || p.attendance() == null) {
        throw new RuleViolation("organizationalLife.attendance.status", "请选择" + m.name() + "的出席情况（出席、请假或缺席）");
      }
      entitled++;
      votingEntitled += m.voting() ? 1 : 0;
      if (p.attendance() == Attendance.PRESENT) {
        present++;
        votingPresent += m.voting() ? 1 : 0;
        if (p.madeUpOn() != null) {
          throw new RuleViolation("organizationalLife.makeup", m.name() + "出席了会议，不需要补课");
        }
        continue;
      }
      if (p.reason() == null || p.reason().isBlank()) {
        throw new RuleViolation("organizationalLife.absence.reason", m.name() + p.attendance().label() + "，请填写原因");
      }
      limit(p.reason(), m.name() + "未到会的原因", MAX_REASON);
      checkMakeUp(m.name(), p.madeUpOn(), r.heldOn(), today);
    }
    requirePresent(r.chairId(), "主持人", attendance, branchPeople, what);
    requirePresent(r.recorderId(), "记录人", attendance, branchPeople, what);
    if (r.type() == MeetingType.HEART_TALK && present < 2) {
      throw new RuleViolation("organizationalLife.talk.pair", "谈心谈话至少有两人参加，请登记谈话双方");
    }
    quorum(r.type(), r.type() == MeetingType.GENERAL_MEETING ? votingEntitled : entitled,
        r.type() == MeetingType.GENERAL_MEETING ? votingPresent : present);
    return new Tally(entitled, present, votingEntitled, votingPresent);
  }

  /**
   * The quorum of a meeting that decides: a 支部党员大会 is held only with more than half of the members who have
   * a vote present, a 支委会 with more than half of the committee ({@value #REGULATION}; domain-rules.md section 4).
   * Other meetings have none.
   */
  public static void quorum(MeetingType type, int entitled, int present) {
    if (type == MeetingType.GENERAL_MEETING && 2 * present <= entitled) {
      throw new RuleViolation("organizationalLife.quorum.generalMeeting", "支部党员大会须有表决权的党员超过半数到会方可召开（"
          + REGULATION + "）：应到有表决权的正式党员" + entitled + "人，实到" + present + "人，本次会议不能作为党员大会记录");
    }
    if (type == MeetingType.COMMITTEE_MEETING && 2 * present <= entitled) {
      throw new RuleViolation("organizationalLife.quorum.committeeMeeting", "支委会须有半数以上委员到会方可召开（" + REGULATION
          + "）：应到委员" + entitled + "人，实到" + present + "人");
    }
  }

  /** A lesson made up after an absence: not before the meeting and not in the future. */
  public static void checkMakeUp(String name, LocalDate madeUpOn, LocalDate heldOn, LocalDate today) {
    if (madeUpOn == null) {
      return;
    }
    if (madeUpOn.isBefore(heldOn)) {
      throw new RuleViolation("organizationalLife.makeup", name + "的补课日期" + madeUpOn + "早于会议日期" + heldOn);
    }
    if (madeUpOn.isAfter(today)) {
      throw new RuleViolation("organizationalLife.makeup", name + "的补课日期" + madeUpOn + "晚于今天；补课后再登记");
    }
  }

  /** The counts over a period: 三会一课, 主题党日 and every type, and the attendance of all meetings. */
  public static Counts counts(List<HeldMeeting> held, Period period) {
    Map<MeetingType, Integer> byType = new EnumMap<>(MeetingType.class);
    int three = 0;
    int entitled = 0;
    int present = 0;
    for (HeldMeeting h : held) {
      if (!period.contains(h.heldOn())) {
        continue;
      }
      byType.merge(h.type(), 1, Integer::sum);
      three += h.type().threeMeetingsOneLesson() ? 1 : 0;
      entitled += h.entitled();
      present += h.present();
    }
    return new Counts(byType, three, byType.getOrDefault(MeetingType.THEME_DAY, 0), entitled, present);
  }

  private static void requirePresent(String personId, String role, Map<String, Presence> attendance,
      Set<String> branchPeople, String what) {
    if (personId == null || personId.isBlank()) {
      throw new RuleViolation("organizationalLife." + (role.equals("主持人") ? "chair" : "recorder"), "请选择" + what + "的" + role);
    }
    if (!branchPeople.contains(personId)) {
      throw new RuleViolation("organizationalLife.person", role + "须是本支部的人员");
    }
    Presence p = attendance.get(personId);
    if (p == null || p.attendance() != Attendance.PRESENT) {
      throw new RuleViolation("organizationalLife.person.present", role + "须出席本次会议，请在参会人员中登记为出席");
    }
  }

  private static void requireText(String text, String what, int max) {
    if (text == null || text.isBlank()) {
      throw new RuleViolation("organizationalLife.required", "请填写" + what);
    }
    limit(text, what, max);
  }

  private static void limit(String text, String what, int max) {
    if (text != null && text.strip().length() > max) {
      throw new RuleViolation("organizationalLife.length", what + "不能超过" + max + "个字，当前" + text.strip().length() + "个字");
    }
  }
}
