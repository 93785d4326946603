package cn.partyflow.dutyreview;

import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of 书记抓基层党建述职评议 as plain Java (domain-rules.md section 4), tested without an engine in {@code
 * DutyReviewRulesTest}: which years may be reviewed, who reports and who rates, the meeting's date, and the overall
 * grade computed from the votes.
 */
public final class DutyReviewRules {

  static final String BASIS = "（书记抓基层党建述职评议考核）";

  /** The votes of one secretary's rating: the count per grade in the scale's order, and the overall grade. */
  public record Rating(Map<String, Integer> counts, int total, String overall) {}

  private DutyReviewRules() {}

  /** A year is reviewed in that year or early in the next (domain-rules: Nov–Dec, or Q1 of the next year). */
  public static void checkYear(int year, LocalDate today) {
    if (year != today.getYear() && year != today.getYear() - 1) {
      throw new RuleViolation("dutyReview.year", "述职评议的年度只能是今年（" + today.getYear() + "）或上一年（"
          + (today.getYear() - 1) + "），提交的是" + year + "年");
    }
  }

  /** At least one secretary reports, and only those the page offered (the 书记 of an organization right below). */
  public static void checkReporters(Collection<String> chosen, Collection<String> offered) {
    if (chosen.isEmpty()) {
      throw new RuleViolation("dutyReview.reporters", "请至少选择一名述职的书记");
    }
    for (String id : chosen) {
      if (!offered.contains(id)) {
        throw new RuleViolation("dutyReview.reporter", "述职的书记只能是本党委所属各党组织的书记" + BASIS
            + "，所选人员" + id + "不在其中");
      }
    }
  }

  /** The meeting (现场述职) took place within the year under review or after it, and not in the future. */
  public static void checkMeetingDate(LocalDate meeting, int year, LocalDate today) {
    if (meeting.isAfter(today)) {
      throw new RuleViolation("dutyReview.meeting.future", "述职评议会日期" + meeting + "不能晚于今天");
    }
    if (meeting.isBefore(LocalDate.of(year, 1, 1))) {
      throw new RuleViolation("dutyReview.meeting.year", "述职评议会日期" + meeting + "早于" + year
          + "年度，不能作为该年度的述职评议");
    }
  }

  static final int MAX_CLOSE_REASON = 500;

  /**
   * Closing the ballot before its due date needs the reason on record (a rater who left, a rater who cannot vote):
   * not blank, at most {@value #MAX_CLOSE_REASON} characters. Answers the reason trimmed.
   */
  public static String earlyCloseReason(String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new RuleViolation("dutyReview.ballot.closeReason", "提前截止民主测评须写明理由，如参加测评人员已调离、无法投票");
    }
    if (why.length() > MAX_CLOSE_REASON) {
      throw new RuleViolation("dutyReview.ballot.closeReason", "提前截止民主测评的理由不能超过" + MAX_CLOSE_REASON
          + "字，现为" + why.length() + "字");
    }
    return why;
  }

  /**
   * Each vote is by one of the raters chosen for the meeting, in the scale, and the secretary reporting does not
   * rate himself or herself; at least one vote.
   */
  public static void checkVotes(Map<String, String> gradeByRater, Collection<String> raters, String reporterId,
      List<String> scale, Map<String, String> names) {
    if (gradeByRater.isEmpty()) {
      throw new RuleViolation("dutyReview.votes", "请填写测评票：每名参加测评的人员一票");
    }
    gradeByRater.forEach((rater, grade) -> {
      String who = names.getOrDefault(rater, rater);
      if (!raters.contains(rater)) {
        throw new RuleViolation("dutyReview.vote.rater", who + "不是本次述职评议会确定的参加测评人员，不能投票");
      }
      if (rater.equals(reporterId)) {
        throw new RuleViolation("dutyReview.vote.self", "述职的书记" + who + "不参加对本人的测评");
      }
      if (grade == null || !scale.contains(grade)) {
        throw new RuleViolation("dutyReview.vote.grade", who + "的测评等次只能是" + String.join("、", scale)
            + "之一，提交的是“" + (grade == null ? "" : grade) + "”");
      }
    });
  }

  /**
   * One rater's ballot in 民主测评: cast by a rater chosen at the meeting who has not voted yet, one grade of the
   * scale for each secretary reporting except the rater (nobody rates himself or herself), nothing for anybody else.
   * {@code ballot} holds (secretary's person id, grade) in the order submitted.
   */
  public static void checkBallot(String voterId, List<Map.Entry<String, String>> ballot, Collection<String> raters,
      Collection<String> voted, Collection<String> reporters, List<String> scale, Map<String, String> names) {
    String who = names.getOrDefault(voterId, voterId);
    if (!raters.contains(voterId)) {
      throw new RuleViolation("dutyReview.vote.rater", who + "不是本次述职评议会确定的参加测评人员，不能投票");
    }
    if (voted.contains(voterId)) {
      throw new RuleViolation("dutyReview.vote.twice", who + "已经投过票：每名测评人员对每名述职的书记一票，投后不能再投");
    }
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, String> vote : ballot) {
      String reporter = vote.getKey();
      String whom = names.getOrDefault(reporter, reporter);
      if (!reporters.contains(reporter)) {
        throw new RuleViolation("dutyReview.vote.reporter", whom + "不是本次述职评议的述职书记，不能对其测评");
      }
      if (reporter.equals(voterId)) {
        throw new RuleViolation("dutyReview.vote.self", "述职的书记" + who + "不参加对本人的测评");
      }
      if (!seen.add(reporter)) {
        throw new RuleViolation("dutyReview.vote.twice", who + "对" + whom + "投了两票，每名测评人员对每名述职的书记一票");
      }
      String grade = vote.getValue();
      if (grade == null || !scale.contains(grade)) {
        throw new RuleViolation("dutyReview.vote.grade", "对" + whom + "的测评等次只能是" + String.join("、", scale)
            + "之一，提交的是“" + (grade == null ? "" : grade) + "”");
      }
    }
    for (String reporter : reporters) {
      if (!reporter.equals(voterId) && !seen.contains(reporter)) {
        throw new RuleViolation("dutyReview.vote.missing", "请对述职的书记" + names.getOrDefault(reporter, reporter)
            + "评定测评等次：每名测评人员对每名述职的书记一票");
      }
    }
  }

  /**
   * The count per grade and the overall grade: the best grade that, with the better grades, more than {@code
   * majorityPercent} of the votes reached. With 50 that is the grade the majority gave at least (好5 较好3 一般2 →
   * 较好: 好 alone is only half).
   */
  public static Rating rating(Collection<String> votes, DutyReviewSettings settings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    settings.grades().forEach(g -> counts.put(g, 0));
    for (String v : votes) {
      if (!counts.containsKey(v)) {
        throw new RuleViolation("dutyReview.vote.grade", "测评等次只能是" + String.join("、", settings.grades())
            + "之一，提交的是“" + v + "”");
      }
      counts.merge(v, 1, Integer::sum);
    }
    int total = votes.size();
    if (total == 0) {
      return new Rating(counts, 0, null);
    }
    long reached = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      reached += e.getValue();
      if (reached * 100 > (long) settings.majorityPercent() * total) {
        return new Rating(counts, total, e.getKey());
      }
    }
    return new Rating(counts, total, settings.grades().get(settings.grades().size() - 1));
  }
}
