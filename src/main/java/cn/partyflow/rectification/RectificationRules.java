package cn.partyflow.rectification;

import static cn.partyflow.rectification.FormValues.text;

import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules of 巡察整改 as plain Java, tested without an engine (RectificationRulesTest): the problem list, the plan's
 * three lists, the 党委会 that studies the plan, the 销号申请's evidence, the report and what may be withheld from
 * disclosure. Each broken rule is a {@link RuleViolation} with a Chinese message naming it.
 */
final class RectificationRules {

  private RectificationRules() {}

  /** One item of the plan as checked, ready to be stored. */
  record PlannedItem(int problemNo, String problem, String measures, String target, String category,
      String leaderUser, String department, String coDepartments, String responsibleUser, LocalDate deadline) {}

  /** The source a case answers; an empty one is a 巡察 (the form's first option). */
  static String source(String source) {
    String s = source == null || source.isBlank() ? Rectification.INSPECTION : source.trim();
    if (!Rectification.SOURCES.contains(s)) {
      throw new RuleViolation("rectification.source", "整改来源只能是" + String.join("、", Rectification.SOURCES));
    }
    return s;
  }

  static boolean isInspection(String source) {
    return Rectification.INSPECTION.equals(source(source));
  }

  /** The 问题清单 numbered and checked: not empty, no problem without its 问题表现, no number twice. */
  static List<Map<String, Object>> numberedProblems(List<Map<String, Object>> rows) {
    List<Map<String, Object>> problems = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<Integer> numbers = new LinkedHashSet<>();
    int i = 0;
    for (Map<String, Object> row : rows) {
      i++;
      String problem = FormText.limited("第" + i + "条问题表现", text(row.get("problem")));
      FormText.limited("第" + i + "条对应的反馈意见", text(row.get("clause")));
      if (problem.isEmpty() && text(row.get("clause")).isEmpty()) {
        continue;
      }
      if (problem.isEmpty()) {
        errors.add("第" + i + "条缺少问题表现");
      }
      int no = number(row.get("no"), i);
      if (!numbers.add(no)) {
        errors.add("问题序号" + no + "重复");
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("no", no);
      p.put("clause", text(row.get("clause")));
      p.put("problem", problem);
      problems.add(p);
    }
    if (problems.isEmpty()) {
      errors.add("问题清单为空：请逐条录入反馈指出的问题，或导入问题清单表格");
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("rectification.problemList", "问题清单有误：" + String.join("；", errors));
    }
    return problems;
  }

  /**
   * The 整改方案 (三个清单): every problem has at least one item, every item answers a problem of the list and has
   * measures, a category, a 责任领导, a 责任科室, a 责任人 known to the system, and a deadline (not before the
   * feedback) unless it is 长期坚持. All bad rows are named in one message.
   */
  static List<PlannedItem> plan(List<Map<String, Object>> rows, Map<Integer, String> problems, LocalDate feedbackDate,
      Predicate<String> knownUser) {
    List<String> errors = new ArrayList<>();
    List<PlannedItem> items = new ArrayList<>();
    Set<Integer> covered = new LinkedHashSet<>();
    int i = 0;
    for (Map<String, Object> row : rows) {
      i++;
      String at = "第" + i + "项";
      int problemNo = number(row.get("problemNo"), -1);
      String problem = problems.get(problemNo);
      if (problem == null) {
        errors.add(text(row.get("problemNo")).isEmpty() ? at + "未选择对应的问题"
            : at + "对应的问题序号“" + text(row.get("problemNo")) + "”不在问题清单中");
      } else {
        covered.add(problemNo);
      }
      String measures = FormText.limited(at + "整改措施", text(row.get("measures")));
      String target = FormText.limited(at + "整改目标", text(row.get("target")));
      if (measures.isEmpty()) {
        errors.add(at + "缺少整改措施（任务清单）");
      }
      String category = text(row.get("category"));
      if (!Rectification.CATEGORIES.contains(category)) {
        errors.add(at + "整改类别须为" + String.join("、", Rectification.CATEGORIES));
      }
      String leader = text(row.get("leaderUser"));
      String responsible = text(row.get("responsibleUser"));
      String department = FormText.limited(at + "责任科室", text(row.get("department")), 100);
      String coDepartments = FormText.limited(at + "配合科室", text(row.get("coDepartments")), 400);
      if (department.isEmpty()) {
        errors.add(at + "缺少责任科室（责任清单）");
      }
      user(errors, at, "责任领导", leader, knownUser);
      user(errors, at, "责任人", responsible, knownUser);
      LocalDate deadline = FormValues.enteredDate(row.get("deadline"), at + "完成时限");
      if (deadline == null && !Rectification.LONG_TERM.equals(category)) {
        errors.add(at + "缺少完成时限（立行立改、限期整改须定时限；长期坚持可不定）");
      } else if (deadline != null && feedbackDate != null && deadline.isBefore(feedbackDate)) {
        errors.add(at + "完成时限早于反馈日期");
      }
      items.add(new PlannedItem(problemNo, problem, measures, target, category, leader, department, coDepartments,
          responsible, deadline));
    }
    for (Integer no : problems.keySet()) {
      if (!covered.contains(no)) {
        errors.add("问题" + no + "没有对应的整改事项（每个问题至少一项任务）");
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("rectification.plan", "整改方案有误：" + String.join("；", errors));
    }
    return items;
  }

  private static void user(List<String> errors, String at, String label, String username, Predicate<String> known) {
    if (username.isEmpty()) {
      errors.add(at + "缺少" + label);
    } else if (!known.test(username)) {
      errors.add(at + label + "“" + username + "”不是系统用户");
    }
  }

  /** The 党委(党组)会 that studied the plan, as the 书记 records it before signing. */
  record Meeting(LocalDate date, int entitled, int present, String attendees) {}

  /**
   * A plan is signed only after a 党委(党组)会 studied it: the meeting's date (not after today, not before the
   * feedback), the members entitled to attend and those present (more than half, as for any 党委会 decision), and
   * who attended.
   */
  static Meeting planMeeting(Object date, Object entitled, Object present, Object attendees, LocalDate feedbackDate) {
    LocalDate day = FormValues.doneOn(date, "研究整改方案的党委（党组）会日期", feedbackDate, "反馈日期");
    Integer should = count(entitled, "应到委员人数");
    Integer came = count(present, "实到委员人数");
    if (should == null || came == null) {
      throw new RuleViolation("rectification.plan.meeting", "请填写研究整改方案的党委（党组）会应到和实到委员人数");
    }
    if (should < 1 || came > should) {
      throw new RuleViolation("rectification.plan.meeting", "实到委员人数（" + came + "）不能多于应到委员人数（" + should
          + "）");
    }
    if (came * 2 <= should) {
      throw new RuleViolation("rectification.plan.meeting", "党委（党组）会须有半数以上委员到会：应到" + should + "人，实到"
          + came + "人，不能审定整改方案");
    }
    String who = FormText.limited("出席人员", text(attendees), 400);
    if (who.isEmpty()) {
      throw new RuleViolation("rectification.plan.meeting", "请填写出席党委（党组）会的人员");
    }
    return new Meeting(day, should, came, who);
  }

  /**
   * A 销号申请 needs evidence of what was done; a 长期坚持 item reports each period instead and applies for its
   * evaluation without it.
   */
  static void closingRequest(String category, boolean applying, int evidenceCount) {
    if (applying && !Rectification.LONG_TERM.equals(category) && evidenceCount == 0) {
      throw new RuleViolation("rectification.evidence",
          "申请销号须先上传证明材料：请在“证明材料”页面上传整改佐证（会议纪要、制度文件、台账、照片等）后再提交");
    }
  }

  /** The 整改情况报告, and for a 巡察 the 主要负责人's report on organising the work as its own text. */
  static void report(String source, Object reportText, Object leaderReport) {
    FormText.limited("整改情况报告正文", text(reportText));
    FormText.limited("主要负责人组织落实整改情况的报告", text(leaderReport));
    if (text(reportText).isEmpty()) {
      throw new RuleViolation("rectification.report", "请填写整改情况报告正文");
    }
    if (isInspection(source) && text(leaderReport).isEmpty()) {
      throw new RuleViolation("rectification.leaderReport",
          "巡察整改须同时报送主要负责人组织落实整改情况的报告（巡视工作条例），请填写");
    }
  }

  /**
   * Anything withheld from disclosure needs its reason and the recorded consent of the body that approves the
   * report (the 巡察领导小组 for a 巡察, else the higher 党委): who consented and on which day.
   */
  static void withholding(String source, Object content, Object reason, Object consentBy, Object consentDate,
      LocalDate feedbackDate) {
    FormText.limited("不予公开的理由", text(reason));
    FormText.limited("同意不予公开的机构及负责人", text(consentBy), 200);
    if (text(content).isEmpty()) {
      return;
    }
    String body = isInspection(source) ? "巡察领导小组" : "上级党委";
    if (text(reason).isEmpty()) {
      throw new RuleViolation("rectification.disclosure.withheld",
          "有不予公开的内容时须写明理由（如涉及党和国家秘密、正在初核的问题线索等），并经" + body + "同意");
    }
    if (text(consentBy).isEmpty()) {
      throw new RuleViolation("rectification.disclosure.consent",
          "不予公开须经" + body + "同意：请填写同意的机构及负责人和同意日期");
    }
    FormValues.doneOn(consentDate, body + "同意不予公开的日期", feedbackDate, "反馈日期");
  }

  /**
   * When the 整改情况报告 falls due: for a 巡察 a fixed number of months after the feedback (巡视工作条例: 2); a
   * 民主生活会 or 组织生活会 problem list has no such rule, and reports when its last deadline falls (or after the same
   * months when every item is 长期坚持).
   */
  static LocalDate reportDue(String source, LocalDate feedbackDate, Collection<LocalDate> deadlines, int months) {
    LocalDate byRule = feedbackDate.plusMonths(months);
    if (isInspection(source)) {
      return byRule;
    }
    return deadlines.stream().filter(Objects::nonNull).max(LocalDate::compareTo).orElse(byRule);
  }

  /** A whole number as a form submits it (number field or text), or {@code fallback} when empty, -1 when not one. */
  static int number(Object value, int fallback) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    String s = text(value);
    try {
      return s.isEmpty() ? fallback : new BigDecimal(s).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  private static Integer count(Object value, String label) {
    if (text(value).isEmpty()) {
      return null;
    }
    int n = number(value, -1);
    if (n < 0) {
      throw new RuleViolation("rectification.plan.meeting", label + "“" + text(value) + "”不是有效的人数");
    }
    return n;
  }
}
