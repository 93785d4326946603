package cn.partyflow.tasklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What makes a user task readable in an officer's Tasklist, as a check over a BPMN model: a Chinese name that
 * carries its subject through an expression (与${applicantName}谈话), a documentation that says what to do and which
 * rule applies (Tasklist shows it as the task's description), a due date when that documentation states a
 * deadline, a Camunda Form of the project, and candidate groups from the routing service, never a fixed user or
 * group.
 */
final class ReadableTaskRules {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]+}");
  private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
  /** The routing bean, or a procedure's Steps bean choosing among routing's groups (e.g. who inspects a case). */
  private static final Pattern ROUTING =
      Pattern.compile("\\$\\{\\s*(routing|[a-z][a-zA-Z]*Steps)\\.[a-zA-Z]+\\(.*\\)\\s*}");
  private static final Pattern GENERATED_ID = Pattern.compile("(?i)^[a-z]+_[0-9a-z]{7}$");
  private static final int SHORTEST_DOCUMENTATION = 10;
  /** A deadline stated in the documentation ("须在7个工作日内", "三个月内") that Tasklist would not show as 到期. */
  private static final Pattern STATED_DEADLINE =
      Pattern.compile("([0-9]+|[一二三四五六七八九十两]+)\\s*个?(工作日|日|天|周|星期|月)内");

  private ReadableTaskRules() {}

  /** Every broken rule, one line each, naming the task; empty when all tasks are readable. */
  static List<String> problems(BpmnModelInstance model, Set<String> knownFormIds) {
    List<String> problems = new ArrayList<>();
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    for (UserTask task : tasks) {
      String where = task.getId() + " (" + task.getName() + "): ";
      String name = task.getName() == null ? "" : task.getName().trim();
      if (!CHINESE.matcher(name).find()) {
        problems.add(where + "name must be Chinese");
      }
      if (!EXPRESSION.matcher(name).find()) {
        problems.add(where + "name must carry its subject as an expression, e.g. 与${applicantName}谈话");
      }
      if (GENERATED_ID.matcher(task.getId()).matches()) {
        problems.add(where + "generated id; name it in English, e.g. Task_TalkWithApplicant");
      }
      String doc = documentation(task);
      if (doc.length() < SHORTEST_DOCUMENTATION || !CHINESE.matcher(doc).find()) {
        problems.add(where + "needs a Chinese bpmn:documentation saying what to do and which rule applies");
      }
      if (STATED_DEADLINE.matcher(doc).find() && blank(task.getCamundaDueDate())) {
        problems.add(where + "the documentation states a deadline, so set camunda:dueDate (e.g. ${workdays.plus(7)})");
      }
      String formRef = task.getCamundaFormRef();
      if (formRef == null || formRef.isBlank()) {
        problems.add(where + "needs camunda:formRef (a Camunda Form under forms/)");
      } else {
        if (!"deployment".equals(task.getCamundaFormRefBinding())) {
          problems.add(where + "camunda:formRefBinding must be \"deployment\"");
        }
        if (!formRef.contains("${") && !knownFormIds.contains(formRef)) {
          problems.add(where + "camunda:formRef \"" + formRef + "\" matches no form id under forms/");
        }
      }
      if (task.getCamundaFormKey() != null) {
        problems.add(where + "uses camunda:formKey; use camunda:formRef");
      }
      String groups = task.getCamundaCandidateGroups();
      // A step that is one named person's own (a rater's ballot) is assigned to that person, chosen in the case.
      boolean personal = groups == null && task.getCamundaAssignee() != null
          && task.getCamundaAssignee().trim().startsWith("${");
      if (!personal && (groups == null || !ROUTING.matcher(groups.trim()).matches())) {
        problems.add(where + "camunda:candidateGroups must come from ${routing...}, was " + groups);
      }
      if (task.getCamundaAssignee() != null && !task.getCamundaAssignee().contains("${")) {
        problems.add(where + "fixed camunda:assignee " + task.getCamundaAssignee());
      }
      if (task.getCamundaCandidateUsers() != null && !task.getCamundaCandidateUsers().isBlank()) {
        problems.add(where + "camunda:candidateUsers; route to groups instead");
      }
    }
    return problems;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String documentation(UserTask task) {
    StringBuilder text = new StringBuilder();
    for (Documentation d : task.getDocumentations()) {
      text.append(d.getTextContent() == null ? "" : d.getTextContent().trim());
    }
    return text.toString();
  }
}
