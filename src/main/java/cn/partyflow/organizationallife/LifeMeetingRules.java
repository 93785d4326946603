package cn.partyflow.organizationallife;

import cn.partyflow.organizationallife.OrganizationalLifeRules.Member;
import cn.partyflow.organizationallife.OrganizationalLifeRules.Tally;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of 组织生活会 and 民主评议党员, plain Java: what the preparation must show, when the meeting is valid, how
 * a grade is decided, and the follow-up of a member graded 不合格 up to the higher 党委's approval. Sources:
 * domain-rules.md section 4 (组织生活会 at least yearly [V], usually in Q4 [L]; 民主评议党员 yearly, may be combined
 * with it [V], grades 优秀/合格/基本合格/不合格 [M] as a setting; 谈心谈话 [V]); the quorum of a 支部党员大会 is
 * {@link OrganizationalLifeRules#quorum}; the follow-up of 不合格 follows 党章 Art. 9 (限期改正, 劝其退党, 除名, each
 * decided by the 支部大会 and approved above), which domain-rules.md cites for 除名 in section 2.
 */
public final class LifeMeetingRules {

  static final String CHARTER = "《中国共产党章程》第九条";
  static final int MAX_TEXT = 2000;
  static final int MAX_CRITICISM = 4000;
  static final int MAX_NOTE = 200;
  static final int MAX_MEMBER_CRITICISM = 500;
  static final int MAX_PROBLEM = 500;
  static final int MAX_PROBLEMS = 50;
  static final int MAX_OBSERVER = 200;
  static final int MAX_REASON = 1000;

  private LifeMeetingRules() {}

  /** The 组织处置 of a member graded 不合格 (党章 Art. 9). */
  public enum Disposition {
    CORRECTION("限期改正"),
    PERSUADE_TO_LEAVE("劝其退党"),
    REMOVAL("除名");

    private final String label;

    Disposition(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Disposition> parse(String text) {
      String t = text == null ? "" : text.trim();
      return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(t) || d.label.equals(t)).findFirst();
    }
  }

  /** Where a member's follow-up stands: decided by the branch, then approved by the higher 党委 or returned. */
  public enum FollowUpStatus {
    DECIDING("待支部大会决定"),
    AWAITING_APPROVAL("待上级党委审批"),
    APPROVED("上级党委已批准");

    private final String label;

    FollowUpStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What happens to a follow-up. */
  public enum FollowUpEvent { DECIDE, APPROVE, RETURN }

  /** One 谈心谈话 of the preparation: who talked with whom, and when. */
  public record Talk(String talkerId, String partnerId, LocalDate on) {}

  /** A member's 对照检查/自我剖析: submitted, or not with the reason noted. */
  public record SelfExamination(boolean submitted, String note) {}

  /** The preparation: study, opinions solicited, 谈心谈话, each member's self-examination. */
  public record Preparation(LocalDate studyOn, String studyContent, LocalDate opinionsOn, String opinionsSummary,
      Integer opinionCount, List<Talk> talks, Map<String, SelfExamination> selfExaminations) {}

  /** One member at the meeting: attendance, criticism received or given, and the grade with its votes. */
  public record MemberRecord(Attendance attendance, String reason, String criticism, String grade,
      Map<String, Integer> votes) {}

  /** The meeting as the branch records it; {@code members} holds every member of the branch. */
  public record MeetingInput(LocalDate heldOn, String chairId, String observer, String criticism,
      Map<String, MemberRecord> members, List<String> problems) {}

  /** The 支部大会's decision on a member graded 不合格. */
  public record Decision(Disposition disposition, LocalDate decidedOn, LocalDate correctionDue, int votesFor,
      int votesAgainst, int votesAbstain, String reason) {}

  /** The grade scale from the setting: at least two distinct grades, best first. */
  public static List<String> scale(List<String> grades) {
    List<String> g = grades == null ? List.of() : grades.stream().map(String::strip).toList();
    if (g.size() < 2 || new HashSet<>(g).size() != g.size() || g.stream().anyMatch(String::isEmpty)) {
      throw new IllegalStateException("partyflow.organizational-life.appraisal-grades must name at least two"
          + " distinct grades, best first: " + grades);
    }
    return g;
  }

  /** The failing grade (the scale's last, 不合格): its members are followed up. */
  public static String failingGrade(List<String> grades) {
    List<String> g = scale(grades);
    return g.get(g.size() - 1);
  }

  /**
   * The preparation before the meeting: the study and the opinions solicited with their dates, at least one
   * 谈心谈话 between two members of the branch with a committee member on one side, and each member's
   * self-examination submitted or the reason it is not noted. Dates lie in the year and not after today.
   */
  public static void checkPreparation(Preparation p, int year, LocalDate today, List<Member> members,
      Set<String> committee) {
    day(p.studyOn(), "集中学习的日期", year, today);
    text(p.studyContent(), "学习内容", MAX_TEXT);
    day(p.opinionsOn(), "征求意见的日期", year, today);
    text(p.opinionsSummary(), "征求意见情况（向谁征求、征求到的主要意见）", MAX_TEXT);
    if (p.opinionCount() != null && p.opinionCount() < 0) {
      throw new RuleViolation("lifeMeeting.opinions", "征求到的意见条数不能为负数");
    }
    Map<String, Member> known = byId(members);
    List<Talk> talks = p.talks() == null ? List.of() : p.talks();
    if (talks.isEmpty()) {
      throw new RuleViolation("lifeMeeting.talks", "请登记会前的谈心谈话（支部委员之间、支部委员和党员之间开展谈心谈话，"
          + OrganizationalLifeRules.REGULATION + "）");
    }
    for (Talk t : talks) {
      Member a = known.get(t.talkerId());
      Member b = known.get(t.partnerId());
      if (a == null || b == null) {
        throw new RuleViolation("lifeMeeting.talks.person", "谈心谈话的双方须是本支部的党员");
      }
      if (a.personId().equals(b.personId())) {
        throw new RuleViolation("lifeMeeting.talks.pair", a.name() + "不能和自己谈心谈话，请选择谈话对象");
      }
      if (!committee.contains(a.personId()) && !committee.contains(b.personId())) {
        throw new RuleViolation("lifeMeeting.talks.committee", a.name() + "与" + b.name()
            + "的谈话：会前谈心谈话由支部委员同党员、支部委员之间开展，双方至少一人是支部委员");
      }
      day(t.on(), a.name() + "与" + b.name() + "谈心谈话的日期", year, today);
    }
    Map<String, SelfExamination> exams = p.selfExaminations() == null ? Map.of() : p.selfExaminations();
    for (Member m : members) {
      SelfExamination e = exams.get(m.personId());
      if (e == null || (!e.submitted() && blank(e.note()))) {
        throw new RuleViolation("lifeMeeting.selfExamination", m.name() + "的对照检查（自我剖析）材料未登记：已提交的请勾选，"
            + "未提交的请注明原因");
      }
      limit(e.note(), m.name() + "的对照检查说明", MAX_NOTE);
    }
  }

  /**
   * The meeting: held in the year, not after today and not before its preparation; every member entitled with an
   * attendance, every absence with its reason; the chair a member present; more than half of the members with a
   * vote present (a 支部党员大会, {@link OrganizationalLifeRules#quorum}); the criticism and self-criticism
   * recorded; each full member graded on the scale, the votes for each grade from the members present, and the
   * grade carried by more than half of the members entitled to vote (a 支部大会 decision: exactly half fails). The
   * problems found are the list that goes to 巡察整改.
   */
  public static Tally checkMeeting(MeetingInput m, int year, LocalDate today, LocalDate preparedOn,
      List<Member> members, List<String> grades) {
    List<String> scale = scale(grades);
    day(m.heldOn(), "组织生活会召开的日期", year, today);
    if (preparedOn != null && m.heldOn().isBefore(preparedOn)) {
      throw new RuleViolation("lifeMeeting.date.preparation", "组织生活会的日期" + m.heldOn() + "早于会前准备（" + preparedOn
          + "）；学习、征求意见和谈心谈话在会前进行");
    }
    Map<String, MemberRecord> records = m.members() == null ? Map.of() : m.members();
    Map<String, Member> known = byId(members);
    for (String id : records.keySet()) {
      if (!known.containsKey(id)) {
        throw new RuleViolation("lifeMeeting.member", "人员" + id + "不是本支部的党员");
      }
    }
    int entitled = 0;
    int present = 0;
    int votingEntitled = 0;
    int votingPresent = 0;
    for (Member member : members) {
      MemberRecord r = records.get(member.personId());
      if (r == null || r.attendance() == null) {
        throw new RuleViolation("lifeMeeting.attendance", "请选择" + member.name() + "的出席情况（出席、请假或缺席）");
      }
      entitled++;
      votingEntitled += member.voting() ? 1 : 0;
      if (r.attendance() == Attendance.PRESENT) {
        present++;
        votingPresent += member.voting() ? 1 : 0;
      } else if (blank(r.reason())) {
        throw new RuleViolation("lifeMeeting.absence.reason", member.name() + r.attendance().label() + "，请填写原因");
      }
      limit(r.reason(), member.name() + "未到会的原因", MAX_NOTE);
      limit(r.criticism(), member.name() + "的批评和自我批评", MAX_MEMBER_CRITICISM);
    }
    MemberRecord chair = m.chairId() == null ? null : records.get(m.chairId());
    if (chair == null) {
      throw new RuleViolation("lifeMeeting.chair", "请选择组织生活会的主持人（本支部党员）");
    }
    if (chair.attendance() != Attendance.PRESENT) {
      throw new RuleViolation("lifeMeeting.chair", "主持人须出席组织生活会");
    }
    OrganizationalLifeRules.quorum(MeetingType.GENERAL_MEETING, votingEntitled, votingPresent);
    text(m.criticism(), "批评和自我批评情况（会议记录）", MAX_CRITICISM);
    limit(m.observer(), "上级党组织列席人员", MAX_OBSERVER);
    for (Member member : members) {
      grade(member, records.get(member.personId()), scale, votingEntitled, votingPresent);
    }
    List<String> problems = m.problems() == null ? List.of() : m.problems();
    if (problems.size() > MAX_PROBLEMS) {
      throw new RuleViolation("lifeMeeting.problems", "查摆出的问题最多" + MAX_PROBLEMS + "条，当前" + problems.size() + "条");
    }
    problems.forEach(p -> limit(p, "问题“" + p.strip().substring(0, Math.min(10, p.strip().length())) + "…”",
        MAX_PROBLEM));
    return new Tally(entitled, present, votingEntitled, votingPresent);
  }

  private static void grade(Member member, MemberRecord r, List<String> scale, int votingEntitled,
      int votingPresent) {
    if (!member.voting()) {
      if (!blank(r.grade())) {
        throw new RuleViolation("lifeMeeting.grade.probationary", member.name() + "是预备党员，不评定民主评议等次");
      }
      return;
    }
    if (blank(r.grade()) || !scale.contains(r.grade().strip())) {
      throw new RuleViolation("lifeMeeting.grade", "请为" + member.name() + "评定民主评议等次（" + String.join("、", scale) + "）");
    }
    Map<String, Integer> votes = r.votes() == null ? Map.of() : r.votes();
    int cast = 0;
    for (String g : scale) {
      Integer n = votes.get(g);
      if (n != null && n < 0) {
        throw new RuleViolation("lifeMeeting.votes", member.name() + "评为" + g + "的票数不能为负数");
      }
      cast += n == null ? 0 : n;
    }
    if (cast > votingPresent) {
      throw new RuleViolation("lifeMeeting.votes.count", member.name() + "的表决票数合计" + cast + "票，超过到会有表决权的党员"
          + votingPresent + "人");
    }
    Integer forGrade = votes.get(r.grade().strip());
    int carried = forGrade == null ? 0 : forGrade;
    if (2 * carried <= votingEntitled) {
      throw new RuleViolation("lifeMeeting.votes.majority", member.name() + "评为" + r.grade().strip() + "须经支部大会超过应到会"
          + "有表决权党员半数同意：应到" + votingEntitled + "人，同意" + carried + "票，未过半数，请重新表决");
    }
  }

  /** The members graded with the failing grade, in the order of the members. */
  public static List<String> unqualified(List<Member> members, Map<String, MemberRecord> records,
      List<String> grades) {
    String failing = failingGrade(grades);
    List<String> ids = new ArrayList<>();
    for (Member m : members) {
      MemberRecord r = records.get(m.personId());
      if (r != null && r.grade() != null && failing.equals(r.grade().strip())) {
        ids.add(m.personId());
      }
    }
    return ids;
  }

  /**
   * The 支部大会's decision on a member graded 不合格: a disposition of 党章 Art. 9, decided on or after the
   * meeting and not after today, carried by more than half of the members entitled to vote, with its reason; a
   * 限期改正 with its deadline after the decision.
   */
  public static void checkDecision(Decision d, String name, LocalDate heldOn, LocalDate today, int votingEntitled) {
    if (d.disposition() == null) {
      throw new RuleViolation("lifeMeeting.disposition", "请选择对" + name + "的组织处置（限期改正、劝其退党或除名）");
    }
    if (d.decidedOn() == null) {
      throw new RuleViolation("lifeMeeting.disposition.date", "请填写支部大会作出决定的日期");
    }
    if (heldOn != null && d.decidedOn().isBefore(heldOn)) {
      throw new RuleViolation("lifeMeeting.disposition.date", "支部大会决定的日期" + d.decidedOn() + "早于评议的组织生活会"
          + heldOn);
    }
    if (d.decidedOn().isAfter(today)) {
      throw new RuleViolation("lifeMeeting.disposition.date", "支部大会决定的日期" + d.decidedOn() + "晚于今天");
    }
    if (d.votesFor() < 0 || d.votesAgainst() < 0 || d.votesAbstain() < 0) {
      throw new RuleViolation("lifeMeeting.disposition.votes", "表决票数不能为负数");
    }
    int cast = d.votesFor() + d.votesAgainst() + d.votesAbstain();
    if (cast > votingEntitled) {
      throw new RuleViolation("lifeMeeting.disposition.votes", "同意、反对、弃权合计" + cast + "票，超过应到会有表决权的党员"
          + votingEntitled + "人");
    }
    if (2 * d.votesFor() <= votingEntitled) {
      throw new RuleViolation("lifeMeeting.disposition.majority", "对" + name + "的" + d.disposition().label()
          + "须经支部大会讨论决定，超过应到会有表决权党员的半数同意（" + CHARTER + "）：应到" + votingEntitled + "人，同意"
          + d.votesFor() + "票，决定未通过");
    }
    if (d.disposition() == Disposition.CORRECTION) {
      if (d.correctionDue() == null) {
        throw new RuleViolation("lifeMeeting.disposition.due", "限期改正须写明改正期限");
      }
      if (!d.correctionDue().isAfter(d.decidedOn())) {
        throw new RuleViolation("lifeMeeting.disposition.due", "改正期限" + d.correctionDue() + "须晚于支部大会决定的日期"
            + d.decidedOn());
      }
    } else if (d.correctionDue() != null) {
      throw new RuleViolation("lifeMeeting.disposition.due", d.disposition().label() + "没有改正期限，请清空改正期限");
    }
    text(d.reason(), "作出" + d.disposition().label() + "决定的事实和理由", MAX_REASON);
  }

  /** The higher 党委's answer: approve, or return to the branch with the reason. */
  public static boolean checkApproval(String approval, String opinion) {
    if (!LifeMeeting.APPROVE.equals(approval) && !LifeMeeting.RETURN.equals(approval)) {
      throw new RuleViolation("lifeMeeting.approval", "请选择审批结论：批准或退回支部");
    }
    boolean approved = LifeMeeting.APPROVE.equals(approval);
    if (!approved && blank(opinion)) {
      throw new RuleViolation("lifeMeeting.approval.reason", "退回支部须写明理由");
    }
    limit(opinion, "审批意见", MAX_REASON);
    return approved;
  }

  /** The follow-up's next status; anything else is refused with where it stands. */
  public static FollowUpStatus next(FollowUpStatus status, FollowUpEvent event) {
    FollowUpStatus next = switch (event) {
      case DECIDE -> status == FollowUpStatus.DECIDING ? FollowUpStatus.AWAITING_APPROVAL : null;
      case APPROVE -> status == FollowUpStatus.AWAITING_APPROVAL ? FollowUpStatus.APPROVED : null;
      case RETURN -> status == FollowUpStatus.AWAITING_APPROVAL ? FollowUpStatus.DECIDING : null;
    };
    if (next == null) {
      throw new RuleViolation("lifeMeeting.followUp.state", "组织处置当前为“" + status.label() + "”，不能"
          + switch (event) {
            case DECIDE -> "再次作出决定";
            case APPROVE -> "批准";
            case RETURN -> "退回";
          });
    }
    return next;
  }

  private static Map<String, Member> byId(List<Member> members) {
    Map<String, Member> known = new LinkedHashMap<>();
    members.forEach(m -> known.put(m.personId(), m));
    return known;
  }

  private static void day(LocalDate day, String what, int year, LocalDate today) {
    if (day == null) {
      throw new RuleViolation("lifeMeeting.date", "请填写" + what);
    }
    if (day.getYear() != year) {
      throw new RuleViolation("lifeMeeting.date", what + day + "不在" + year + "年内");
    }
    if (day.isAfter(today)) {
      throw new RuleViolation("lifeMeeting.date", what + day + "晚于今天；进行后再登记");
    }
  }

  private static void text(String text, String what, int max) {
    if (blank(text)) {
      throw new RuleViolation("lifeMeeting.required", "请填写" + what);
    }
    limit(text, what, max);
  }

  private static void limit(String text, String what, int max) {
    if (text != null && text.strip().length() > max) {
      throw new RuleViolation("lifeMeeting.length", what + "不能超过" + max + "个字，当前" + text.strip().length() + "个字");
    }
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
