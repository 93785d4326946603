package cn.partyflow.rectification;

import cn.partyflow.shared.FormText;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * How another procedure hands the 整改清单 of its meeting (民主生活会, 组织生活会, 述职评议) over to 巡察整改: one
 * rectification case per list, started with the source, the meeting's date as the 反馈日期 and the problems already
 * filled in. The case then opens, like every other, at 登记反馈问题清单 with the organization's 组织部门, who checks the
 * list (a list is corrected by importing it anew there) and registers it; from there the plan, the items and their
 * acceptance by the higher 党委 follow the rectification rules.
 *
 * <p>The calling procedure has checked that its writer may act for the organization (it is the completion of that
 * procedure's own task); the case is started by the application, so the start is not checked a second time against a
 * start form the meeting's recorder never filled in.
 */
@Component
public class ProblemListHandover {

  /**
   * Set on a case started by a handover: its registration form shows the list as handed over (no import hint, the
   * meeting instead of the 巡察's 轮次 and 巡察组).
   */
  static final String HANDED_OVER = "problemsHandedOver";

  /** One problem of the list: what was found, and the opinion or finding it answers (may be empty). */
  public record Problem(String clause, String problem) {}

  private final RuntimeService runtime;
  private final IdentityService identity;

  ProblemListHandover(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * Starts the rectification case of {@code orgId} for the list and answers its process instance id.
   *
   * @param source one of {@link Rectification#SOURCES} other than the 巡察 (a 巡察 feedback is registered by hand)
   * @param meetingDate the day of the meeting whose list this is: the case's 反馈日期
   * @param meetingName what the case calls the round, e.g. {@code 2026年度组织生活会}
   */
  public String start(String orgId, String source, LocalDate meetingDate, String meetingName,
      List<Problem> problems) {
    String checkedSource = RectificationRules.source(source);
    if (RectificationRules.isInspection(checkedSource)) {
      throw new IllegalArgumentException("a 巡察 feedback is registered by its own task, not handed over");
    }
    if (problems.isEmpty()) {
      throw new RuleViolation("rectification.problems", checkedSource + "没有查摆出问题，无需启动整改");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int no = 0;
    for (Problem p : problems) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("no", ++no);
      row.put("clause", p.clause() == null ? "" : p.clause());
      row.put("problem", p.problem());
      rows.add(row);
    }
    List<Map<String, Object>> numbered = RectificationRules.numberedProblems(rows);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("orgId", orgId);
    variables.put("source", checkedSource);
    variables.put("feedbackDate", meetingDate.toString());
    variables.put("roundName", FormText.limited("巡察轮次", meetingName, 100));
    variables.put("groupName", "");
    variables.put(HANDED_OVER, true);
    variables.put("problems", SpinValues.jsonValue(FormValues.json(numbered)).create());
    Authentication previous = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return runtime.startProcessInstanceByKey(Rectification.PROCESS_KEY, variables).getId();
    } finally {
      if (previous != null) {
        identity.setAuthentication(previous);
      }
    }
  }
}
