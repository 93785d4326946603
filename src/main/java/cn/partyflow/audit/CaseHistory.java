package cn.partyflow.audit;

import cn.partyflow.organization.Groups;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.RoutingService;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.FormSchema;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads one case's whole story out of Camunda's history: activity instances for the steps, task instances for who
 * and by when, the user operation log for who completed or changed what, historic details for every value submitted
 * (and what it replaced), comments and candidate groups (by SQL, one query each per case), the job log for timers,
 * plus the routing log and notifications. Generic over
 * every procedure: which values are votes, opinions and decisions it learns from the forms, which declare them
 * ({@link FormSchema#RECORD}), never from a particular process or variable name.
 */
@Service
class CaseHistory {

  /** A value a person cleared, shown after the value it had. */
  static final String CLEARED = "（已清空）";

  /**
   * The BPMN extension property ({@code camunda:property}) on a repeated part (a multi-instance subprocess) that
   * names each of its instances for the auditors, with {@code ${variable}} for the instance's own values:
   * 巡察整改 declares {@code 事项${itemSeq}（${itemDepartment}）}, as its tasks name the item.
   */
  static final String INSTANCE_TITLE = "instanceTitle";
  /**
   * The extension property ({@code camunda:property}) of a step that no task records the person of, such as a message
   * the server receives for a user: who did it, a template over the case's variables like {@link #INSTANCE_TITLE}.
   */
  static final String ACTOR = "actor";
  private static final String MULTI_INSTANCE_BODY = "multiInstanceBody";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** Operations through which a person changes or removes a case's values directly (the REST API, Cockpit). */
  private static final Set<String> VARIABLE_OPERATIONS = Set.of(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE,
      UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLES, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE,
      UserOperationLogEntry.OPERATION_TYPE_REMOVE_VARIABLE);

  /** Operations shown in the timeline themselves; completions and variable edits appear through their steps. */
  private static final Set<String> FOLDED_OPERATIONS = Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
      UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE,
      UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLES,
      UserOperationLogEntry.OPERATION_TYPE_UPDATE_HISTORY_TIME_TO_LIVE);

  private final HistoryService history;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final OrganizationDirectory directory;
  private final RoutingService routing;
  private final Notifications notifications;
  private final AccessLog accessLog;
  private final FormLabels forms;

  CaseHistory(HistoryService history, RepositoryService repository, JdbcTemplate jdbc, IdentityService identity,
      OrganizationDirectory directory, RoutingService routing, Notifications notifications, AccessLog accessLog,
      FormLabels forms) {
    this.forms = forms;
    this.history = history;
    this.repository = repository;
    this.jdbc = jdbc;
    this.identity = identity;
    this.directory = directory;
    this.routing = routing;
    this.notifications = notifications;
    this.accessLog = accessLog;
  }

  /** The organization whose case it is, if the case exists. */
  Optional<String> organizationOf(String processInstanceId) {
    HistoricVariableInstance org = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("orgId").list().stream().filter(v -> processInstanceId.equals(v.getExecutionId()))
        .findFirst().orElse(null);
    return org == null || !(org.getValue() instanceof String s) ? Optional.empty() : Optional.of(s);
  }

  Optional<CaseFile> read(String processInstanceId) {
    HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    if (pi == null) {
      return Optional.empty();
    }
    return Optional.of(new Reader(pi).read());
  }

  /** The state of reading one case. */
  private final class Reader {

    private final HistoricProcessInstance pi;
    private final String pid;
    private final Map<String, String> userNames = new HashMap<>();
    private final List<Builder> entries = new ArrayList<>();
    private final Map<String, Builder> byActivityInstance = new HashMap<>();
    private final Map<String, Builder> byTask = new HashMap<>();
    private final Map<String, Builder> byOperation = new HashMap<>();
    private final Map<String, String> taskOfOperation = new HashMap<>();
    private final Map<String, String> completerOfTask = new HashMap<>();
    private final Map<String, String> completionEntryOfOperation = new HashMap<>();
    private final Map<String, UserOperationLogEntry> firstOfOperation = new HashMap<>();
    private final Map<String, HistoricTaskInstance> taskById = new HashMap<>();
    private final Map<String, List<String>> candidatesOfTask = new HashMap<>();
    private final List<CaseFile.Opinion> opinions = new ArrayList<>();
    private final List<CaseFile.Operation> operations = new ArrayList<>();
    private final Map<String, HistoricActivityInstance> activityById = new HashMap<>();
    private final List<HistoricActivityInstance> activities = new ArrayList<>();
    private final List<HistoricVariableInstance> variables = new ArrayList<>();
    private final Map<String, HistoricVariableInstance> variableById = new HashMap<>();
    private final Map<String, String> titleOfScope = new HashMap<>();
    private final Map<String, Wording> wordingOfActivity = new HashMap<>();
    /** The wording of the step that last wrote each variable instance, by its id. */
    private final Map<String, Wording> writerOf = new HashMap<>();
    private Builder start;
    private final ProcessDefinition definition;
    private final Wording wording;
    private BpmnModelInstance model;

    Reader(HistoricProcessInstance pi) {
      this.pi = pi;
      this.pid = pi.getId();
      this.definition = repository.createProcessDefinitionQuery().processDefinitionId(pi.getProcessDefinitionId())
          .singleResult();
      this.wording = new Wording(forms.of(definition), directory);
    }

    CaseFile read() {
      List<UserOperationLogEntry> ops = history.createUserOperationLogQuery().processInstanceId(pid)
          .orderByTimestamp().asc().list();
      for (UserOperationLogEntry op : ops) {
        firstOfOperation.putIfAbsent(op.getOperationId(), op);
        if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.getOperationType()) && op.getTaskId() != null) {
          taskOfOperation.put(op.getOperationId(), op.getTaskId());
          completionEntryOfOperation.putIfAbsent(op.getOperationId(), op.getId());
          if (op.getUserId() != null) {
            completerOfTask.putIfAbsent(op.getTaskId(), op.getUserId());
          }
        }
      }
      for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()) {
        taskById.put(t.getId(), t);
      }
      candidates();
      steps();
      // Removed variables too: a value the application removed still names the scope it was given in.
      variables.addAll(history.createHistoricVariableInstanceQuery().processInstanceId(pid).includeDeleted()
          .disableCustomObjectDeserialization().orderByVariableName().asc().list());
      variables.forEach(v -> variableById.put(v.getId(), v));
      values();
      declaredActors();
      comments();
      operations(ops);
      List<CaseFile.TimerFired> timers = timers();

      entries.sort(Comparator.comparing(b -> b.time == null ? new Date(Long.MAX_VALUE) : b.time));
      List<CaseFile.Entry> timeline = entries.stream().map(Builder::build).toList();
      List<CaseFile.Vote> votes = entries.stream().filter(b -> !b.votes.isEmpty())
          .map(b -> new CaseFile.Vote(b.end != null ? b.end : b.time, b.title, b.actor, b.votes)).toList();
      opinions.sort(Comparator.comparing(CaseFile.Opinion::time));

      Set<String> done = new HashSet<>();
      Set<String> active = new HashSet<>();
      for (Builder b : entries) {
        if (b.activityId != null) {
          (b.open ? active : done).add(b.activityId);
        }
      }
      done.removeAll(active);
      Map<String, String> names = new HashMap<>();
      entries.stream().filter(b -> b.activityId != null).forEach(b -> names.put(b.activityId, b.title));
      String svg = definition == null ? "<p class=\"muted\">该流程的定义已被删除，无法绘制流程图。</p>"
          : DiagramSvg.render(model(), done, active, names);
      return new CaseFile(summary(definition), timeline, opinions, votes, timers, operations,
          routing.reasons(pid), notifications.ofCase(pid), accessLog.ofCase(pid), finalValues(), svg);
    }

    private CaseFile.Summary summary(ProcessDefinition definition) {
      Map<String, Object> vars = new HashMap<>();
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(pid)
          .variableNameIn("orgId", "applicantName", "memberName").list()) {
        if (pid.equals(v.getExecutionId())) {
          vars.put(v.getName(), v.getValue());
        }
      }
      String orgId = (String) vars.get("orgId");
      String orgName = orgId == null ? "" : directory.organization(orgId).map(Organization::name).orElse(orgId);
      Object person = vars.containsKey("applicantName") ? vars.get("applicantName") : vars.get("memberName");
      String personName = person != null ? person.toString()
          : pi.getBusinessKey() == null ? "" : directory.person(pi.getBusinessKey()).map(Person::name).orElse("");
      // Parallel instances of one repeated part (巡察整改's items) are one step to the reader, named once.
      List<String> current = entries.stream().filter(b -> b.open && b.activityId != null).map(b -> b.title)
          .distinct().toList();
      String name = definition == null || definition.getName() == null ? pi.getProcessDefinitionKey()
          : definition.getName();
      return new CaseFile.Summary(pid, pi.getBusinessKey(), pi.getProcessDefinitionKey(), name,
          pi.getProcessDefinitionVersion() == null ? 0 : pi.getProcessDefinitionVersion(), orgId,
          orgName, personName, user(pi.getStartUserId()), pi.getStartTime(), pi.getEndTime(),
          CaseStates.label(pi.getState()), pi.getDeleteReason(), current);
    }

    private void steps() {
      List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
          .processInstanceId(pid).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
          .list();
      this.activities.addAll(activities);
      for (HistoricActivityInstance a : activities) {
        activityById.put(a.getId(), a);
        if (MULTI_INSTANCE_BODY.equals(a.getActivityType())) {
          // The engine's container of a repeated step is no step of the case: its instances are, each by its name.
          continue;
        }
        Builder b = new Builder(a.getStartTime(), kind(a.getActivityType()));
        b.activityId = a.getActivityId();
        b.start = a.getStartTime();
        b.end = a.getEndTime();
        b.open = a.getEndTime() == null;
        b.title = a.getActivityName() != null ? a.getActivityName() : typeLabel(a.getActivityType());
        if (a.isCanceled()) {
          b.notes.add("该环节被中断（未正常完成）");
        }
        HistoricTaskInstance task = a.getTaskId() == null ? null : taskById.get(a.getTaskId());
        if (task != null) {
          task(b, task);
        } else if ("startEvent".equals(a.getActivityType()) && a.getParentActivityInstanceId() != null
            && a.getParentActivityInstanceId().equals(pid)) {
          b.actor = user(pi.getStartUserId());
          if (start == null) {
            start = b;
          }
        } else {
          b.actor = "系统";
        }
        entries.add(b);
        byActivityInstance.put(a.getId(), b);
      }
    }

    private void task(Builder b, HistoricTaskInstance task) {
      b.title = task.getName() != null ? task.getName() : b.title;
      String who = task.getAssignee() != null ? task.getAssignee() : completerOfTask.get(task.getId());
      b.actor = who == null ? (b.open ? "（尚未办理）" : "（未记录）") : user(who);
      b.due = task.getDueDate();
      if (task.getFollowUpDate() != null) {
        b.notes.add("提醒日期：" + Wording.date(task.getFollowUpDate()));
      }
      if (task.getDeleteReason() != null && !"completed".equals(task.getDeleteReason())) {
        b.notes.add("任务未办理即结束：" + Formats.taskEnd(task.getDeleteReason()));
      }
      List<String> groups = candidatesOfTask.getOrDefault(task.getId(), List.of());
      if (!groups.isEmpty()) {
        b.notes.add("办理组：" + String.join("、", groups));
      }
      byTask.put(task.getId(), b);
    }

    private void values() {
      Map<String, String> last = new HashMap<>();
      List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(pid)
          .variableUpdates().disableCustomObjectDeserialization().orderByTime().asc().orderPartiallyByOccurrence().asc()
          .list();
      for (HistoricDetail d : details) {
        // A submitted form is recorded twice, as form fields and as variable updates; the updates are complete.
        if (!(d instanceof HistoricVariableUpdate u)) {
          continue;
        }
        String name = u.getVariableName();
        Optional<String> label = wording.label(name);
        if (label.isEmpty()) {
          continue;
        }
        // A value removed or set to null by a listener or delegate is the application clearing it, e.g. for a fresh
        // review round: nobody's answer, so it is not shown and the next value given reads as a change from the last
        // one given. A person's own clearing (a select emptied in a submitted form, a removal through the REST API)
        // shows as cleared; an empty answer where there was none before says nothing and is not shown.
        // Parallel instances of a repeated part (巡察整改's items) hold values under the same names: a value is a
        // change only of the last one given in its own scope.
        String scope = scopeOf(u);
        String key = scope + " " + name;
        boolean emptied = emptied(u);
        if (emptied && (last.get(key) == null || !clearedByPerson(d))) {
          continue;
        }
        Builder owner = owner(d);
        // Named as the form of the step that wrote it names it, not as some other step's form does.
        Wording words = wordingOf(owner);
        writerOf.put(u.getVariableInstanceId(), words);
        String named = words.label(name).orElse(label.get());
        String value = emptied ? CLEARED : shown(words, name, u);
        String old = emptied ? last.remove(key) : last.put(key, value);
        boolean changed = old != null && !old.equals(value);
        // A listener writing back the value just submitted is one value to a person, not two.
        if (!owner.shown.add(scope + " " + named) && !changed) {
          continue;
        }
        boolean vote = words.records(name, FormSchema.VOTE);
        boolean said = words.records(name, FormSchema.OPINION) || words.records(name, FormSchema.DECISION);
        CaseFile.Value shownValue = new CaseFile.Value(named, changed ? old : null, value, vote || said,
            titleOf(variableById.get(u.getVariableInstanceId())));
        owner.values.add(shownValue);
        String outside = shownValue.outside(owner.title).label();
        if (said && !emptied && !value.isBlank() && !"（空）".equals(value)) {
          opinions.add(new CaseFile.Opinion(d.getTime(), owner.title, owner.actor, outside, value));
        }
        if (vote && !emptied) {
          owner.votes.put(outside, value);
        }
      }
    }

    /**
     * Where a value lives: a task's own variable in its task, any other in the activity instance of its scope (the
     * case itself, or one instance of a repeated part), which, unlike the engine's executions, lasts as long as the
     * scope, so a value the application removes and gives again stays in the same place.
     */
    private String scopeOf(HistoricVariableUpdate u) {
      if (u.getTaskId() != null) {
        return "task " + u.getTaskId();
      }
      HistoricVariableInstance v = variableById.get(u.getVariableInstanceId());
      if (v != null && v.getActivityInstanceId() != null) {
        return v.getActivityInstanceId();
      }
      return u.getExecutionId() == null ? pid : u.getExecutionId();
    }

    /** The name of the instance of a repeated part a variable belongs to; empty for the case's own variables. */
    private String titleOf(HistoricVariableInstance v) {
      return v == null || v.getActivityInstanceId() == null ? "" : titleOfScope.computeIfAbsent(
          v.getActivityInstanceId(), this::titleOfScope);
    }

    /**
     * The nearest enclosing activity instance that names itself: by the title its BPMN element declares
     * ({@link #INSTANCE_TITLE}), or, as one instance of a multi-instance activity, by its task's name or the
     * activity's name and its place among its siblings.
     */
    private String titleOfScope(String activityInstanceId) {
      for (HistoricActivityInstance a = activityById.get(activityInstanceId); a != null;
          a = activityById.get(a.getParentActivityInstanceId())) {
        Optional<String> declared = declared(a.getActivityId(), INSTANCE_TITLE);
        if (declared.isPresent()) {
          return fill(declared.get(), a);
        }
        HistoricActivityInstance parent = activityById.get(a.getParentActivityInstanceId());
        if (parent != null && MULTI_INSTANCE_BODY.equals(parent.getActivityType())) {
          HistoricTaskInstance task = a.getTaskId() == null ? null : taskById.get(a.getTaskId());
          if (task != null && task.getName() != null) {
            return task.getName();
          }
          HistoricActivityInstance instance = a;
          List<HistoricActivityInstance> siblings = activities.stream().filter(s -> Objects.equals(
              s.getParentActivityInstanceId(), instance.getParentActivityInstanceId())).toList();
          String name = a.getActivityName() != null ? a.getActivityName() : typeLabel(a.getActivityType());
          return name + "（第" + (siblings.indexOf(a) + 1) + "项）";
        }
      }
      return "";
    }

    private Optional<String> declared(String activityId, String property) {
      BpmnModelInstance bpmn = model();
      if (bpmn == null || activityId == null
          || !(bpmn.getModelElementById(activityId) instanceof BaseElement element)) {
        return Optional.empty();
      }
      ExtensionElements extensions = element.getExtensionElements();
      if (extensions == null) {
        return Optional.empty();
      }
      return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
          .flatMap(p -> p.getCamundaProperties().stream())
          .filter(p -> property.equals(p.getCamundaName()) && p.getCamundaValue() != null)
          .map(CamundaProperty::getCamundaValue).findFirst();
    }

    /** Steps without a task whose model names who did them ({@link #ACTOR}): that person instead of 系统. */
    private void declaredActors() {
      byActivityInstance.forEach((id, b) -> {
        HistoricActivityInstance a = activityById.get(id);
        if (a != null && a.getTaskId() == null) {
          declared(a.getActivityId(), ACTOR).map(template -> fill(template, a)).filter(s -> !s.isBlank())
              .ifPresent(actor -> b.actor = actor);
        }
      });
    }

    /** The declared title with each {@code ${name}} replaced by that value as seen from the instance. */
    private String fill(String template, HistoricActivityInstance instance) {
      Matcher m = PLACEHOLDER.matcher(template);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, Matcher.quoteReplacement(visible(m.group(1), instance)));
      }
      return m.appendTail(out).toString();
    }

    /** A variable's value in the instance, in a nested scope of it, or else in an enclosing one. */
    private String visible(String name, HistoricActivityInstance instance) {
      List<HistoricVariableInstance> named = variables.stream().filter(v -> name.equals(v.getName())
          && !HistoricVariableInstance.STATE_DELETED.equals(v.getState())).toList();
      Optional<HistoricVariableInstance> found = named.stream()
          .filter(v -> within(v.getActivityInstanceId(), instance.getId())).findFirst();
      for (String scope = instance.getParentActivityInstanceId(); found.isEmpty() && scope != null;
          scope = activityById.containsKey(scope) ? activityById.get(scope).getParentActivityInstanceId() : null) {
        String here = scope;
        found = named.stream().filter(v -> here.equals(v.getActivityInstanceId())).findFirst();
      }
      return found.map(v -> shown(name, v.getTypedValue())).orElse("");
    }

    private boolean within(String activityInstanceId, String ancestor) {
      for (String id = activityInstanceId; id != null;
          id = activityById.containsKey(id) ? activityById.get(id).getParentActivityInstanceId() : null) {
        if (id.equals(ancestor)) {
          return true;
        }
      }
      return false;
    }

    private BpmnModelInstance model() {
      if (model == null && definition != null) {
        model = repository.getBpmnModelInstance(definition.getId());
      }
      return model;
    }

    /**
     * Whether a cleared value is a person's own. The engine gives a write the user operation of the command it runs
     * in, listeners' writes too (user operations are logged for every command here, not only authenticated ones), so
     * within a task's completion the order tells them apart: the values submitted are written before the completion
     * is logged, the listeners and delegates it sets off run after. Engine ids grow in the order they are handed out
     * on a node (time-based UUIDs, or the database's counter), and one command runs on one node. Where the order
     * cannot be read the clearing is taken for the application's and not shown, as before.
     */
    private boolean clearedByPerson(HistoricDetail d) {
      String op = d.getUserOperationId();
      if (op == null) {
        return false;
      }
      String completion = completionEntryOfOperation.get(op);
      if (completion != null) {
        return generatedBefore(d.getId(), completion).orElse(false);
      }
      UserOperationLogEntry entry = firstOfOperation.get(op);
      return entry != null && VARIABLE_OPERATIONS.contains(entry.getOperationType());
    }

    private Builder owner(HistoricDetail d) {
      if (d.getTaskId() != null && byTask.containsKey(d.getTaskId())) {
        return byTask.get(d.getTaskId());
      }
      String op = d.getUserOperationId();
      if (op != null && taskOfOperation.containsKey(op) && byTask.containsKey(taskOfOperation.get(op))) {
        return byTask.get(taskOfOperation.get(op));
      }
      if (op != null && firstOfOperation.containsKey(op)) {
        UserOperationLogEntry entry = firstOfOperation.get(op);
        if (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType()) && start != null) {
          return start;
        }
        return byOperation.computeIfAbsent(op, k -> {
          Builder b = new Builder(entry.getTimestamp(), "变更");
          b.title = Formats.operation(entry.getOperationType()) + (entry.getTaskId() != null
              ? "（" + taskName(entry.getTaskId()) + "）" : "");
          b.actor = user(entry.getUserId());
          entries.add(b);
          return b;
        });
      }
      if (d.getActivityInstanceId() != null && byActivityInstance.containsKey(d.getActivityInstanceId())) {
        return byActivityInstance.get(d.getActivityInstanceId());
      }
      if (start != null && d.getActivityInstanceId() != null && d.getActivityInstanceId().equals(pid)
          && (start.end == null || !d.getTime().after(start.end))) {
        return start;
      }
      return byOperation.computeIfAbsent("system@" + d.getTime().getTime(), k -> {
        Builder b = new Builder(d.getTime(), "变更");
        b.title = "系统记录数据";
        b.actor = "系统";
        entries.add(b);
        return b;
      });
    }

    /**
     * Who could have done each task. One query for the whole case rather than one per task: the case page must stay
     * fast for long cases.
     */
    private void candidates() {
      if (taskById.isEmpty()) {
        return;
      }
      List<Object> args = new ArrayList<>(taskById.keySet());
      jdbc.query("select task_id_, group_id_, user_id_ from act_hi_identitylink where type_ = 'candidate'"
          + " and operation_type_ = 'add' and task_id_ in (" + marks(taskById.size()) + ") order by timestamp_",
          rs -> {
            String group = rs.getString(2);
            candidatesOfTask.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(group != null ? wording.group(group) : user(rs.getString(3)));
          }, args.toArray());
    }

    /** Comments made on a task through the REST API carry only the task id, so task comments are read too. */
    private void comments() {
      List<Object> args = new ArrayList<>();
      args.add(pid);
      args.addAll(taskById.keySet());
      List<CommentRow> sorted = jdbc.query("select id_, user_id_, time_, task_id_, full_msg_, message_"
              + " from act_hi_comment where type_ = 'comment' and (proc_inst_id_ = ?"
              + (taskById.isEmpty() ? "" : " or task_id_ in (" + marks(taskById.size()) + ")") + ") order by time_",
          (rs, i) -> {
            byte[] full = rs.getBytes(5);
            return new CommentRow(rs.getString(2), rs.getTimestamp(3), rs.getString(4),
                full != null ? new String(full, StandardCharsets.UTF_8) : rs.getString(6));
          }, args.toArray());
      for (CommentRow c : sorted) {
        String who = user(c.userId());
        String text = c.text() == null ? "" : c.text();
        Builder step = c.taskId() == null ? null : byTask.get(c.taskId());
        if (step != null) {
          step.notes.add("批注（" + who + "，" + Formats.dateTime(c.time()) + "）：" + text);
        } else {
          Builder b = new Builder(c.time(), "批注");
          b.title = "批注";
          b.actor = who;
          b.notes.add(text);
          entries.add(b);
        }
        opinions.add(new CaseFile.Opinion(c.time(), step == null ? "批注" : step.title, who, "批注", text));
      }
    }

    private void operations(List<UserOperationLogEntry> ops) {
      Map<String, Builder> grouped = new LinkedHashMap<>();
      Set<String> listed = new HashSet<>();
      for (UserOperationLogEntry op : ops) {
        // Camunda records engine details as properties too (a completion "deletes" its task): not for people.
        String property = Formats.shownProperty(op.getProperty()) ? op.getProperty() : null;
        if (property == null && !listed.add(op.getOperationId())) {
          continue;
        }
        listed.add(op.getOperationId());
        String oldValue = operationValue(property, op.getOrgValue());
        String newValue = operationValue(property, op.getNewValue());
        String words = Formats.operation(op.getOperationType(), op.getEntityType(), op.getProperty(),
            op.getNewValue());
        operations.add(new CaseFile.Operation(op.getTimestamp(), user(op.getUserId()), words,
            Formats.entity(op.getEntityType()), Formats.propertyLabel(property), oldValue, newValue,
            op.getTaskId() == null ? "" : taskName(op.getTaskId())));
        if (FOLDED_OPERATIONS.contains(op.getOperationType())) {
          continue;
        }
        Builder b = grouped.computeIfAbsent(op.getOperationId(), k -> {
          Builder n = new Builder(op.getTimestamp(), "操作");
          n.title = words + (op.getTaskId() != null ? "（" + taskName(op.getTaskId()) + "）" : "");
          n.actor = user(op.getUserId());
          entries.add(n);
          return n;
        });
        if (property != null) {
          b.values.add(new CaseFile.Value(Formats.propertyLabel(property), Formats.orEmpty(oldValue),
              Formats.orEmpty(newValue), true));
        }
        if (op.getAnnotation() != null) {
          b.notes.add("说明：" + op.getAnnotation());
        }
      }
    }

    private List<CaseFile.TimerFired> timers() {
      List<CaseFile.TimerFired> fired = new ArrayList<>();
      for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(pid).orderByTimestamp().asc()
          .list()) {
        String type = log.getJobDefinitionType() == null ? "" : log.getJobDefinitionType();
        boolean timer = type.startsWith("timer");
        if (log.isSuccessLog() && timer) {
          String activity = activityName(log.getActivityId());
          fired.add(new CaseFile.TimerFired(log.getTimestamp(), activity, "定时器触发"));
          entries.stream().filter(b -> log.getActivityId() != null && log.getActivityId().equals(b.activityId))
              .forEach(b -> b.notes.add("定时器于 " + Formats.dateTime(log.getTimestamp()) + " 触发"));
        } else if (log.isFailureLog()) {
          fired.add(new CaseFile.TimerFired(log.getTimestamp(), activityName(log.getActivityId()),
              "自动作业失败：" + log.getJobExceptionMessage()));
        }
      }
      return fired;
    }

    /** Each value named as the form of the step that last wrote it names it. */
    private List<CaseFile.Value> finalValues() {
      List<CaseFile.Value> values = new ArrayList<>();
      for (HistoricVariableInstance v : variables) {
        if (!HistoricVariableInstance.STATE_DELETED.equals(v.getState())) {
          Wording words = writerOf.getOrDefault(v.getId(), wording);
          words.label(v.getName()).ifPresent(label -> values.add(new CaseFile.Value(label, null,
              shown(words, v.getName(), v.getTypedValue()), prominent(words, v.getName()), titleOf(v))));
        }
      }
      return values;
    }

    private static boolean prominent(Wording words, String name) {
      return words.records(name, FormSchema.VOTE) || words.records(name, FormSchema.OPINION)
          || words.records(name, FormSchema.DECISION);
    }

    /** The wording of the form the step shows; the procedure's where the step has no form or is no step. */
    private Wording wordingOf(Builder step) {
      return step.activityId == null ? wording : wordingOfActivity.computeIfAbsent(step.activityId,
          activity -> new Wording(forms.of(definition, activity), directory));
    }

    private static boolean emptied(HistoricVariableUpdate u) {
      if (u.getErrorMessage() != null) {
        return false;
      }
      try {
        TypedValue typed = u.getTypedValue();
        return typed == null || (typed instanceof SerializableValue s && !s.isDeserialized()
            ? s.getValueSerialized() == null : typed.getValue() == null);
      } catch (RuntimeException e) {
        return false;
      }
    }

    private String shown(Wording words, String name, HistoricVariableUpdate u) {
      if (u.getErrorMessage() != null) {
        return "（无法读取）";
      }
      try {
        return shown(words, name, u.getTypedValue());
      } catch (RuntimeException e) {
        return "（无法读取）";
      }
    }

    private String shown(String name, TypedValue typed) {
      return shown(wording, name, typed);
    }

    private String shown(Wording words, String name, TypedValue typed) {
      if (typed == null) {
        return "（空）";
      }
      Object raw = typed instanceof SerializableValue s && !s.isDeserialized() ? s.getValueSerialized()
          : typed.getValue();
      return words.value(name, raw);
    }

    /** An old or new value in the operation log, in words: names for users, units and roles for groups. */
    private String operationValue(String property, String value) {
      if (value == null || property == null) {
        return null;
      }
      return switch (property) {
        case "assignee", "owner", "userId" -> user(value);
        case "candidate", "groupId" -> identity.createUserQuery().userId(value).count() > 0 ? user(value)
            : wording.group(value);
        case "variableName" -> wording.label(value).orElse("（内部数据）");
        default -> Formats.property(property, value);
      };
    }

    private String activityName(String activityId) {
      return entries.stream().filter(b -> activityId != null && activityId.equals(b.activityId)).map(b -> b.title)
          .findFirst().orElse(activityId == null ? "" : activityId);
    }

    private String taskName(String taskId) {
      HistoricTaskInstance t = taskById.get(taskId);
      return t == null || t.getName() == null ? taskId : t.getName();
    }

    private String user(String userId) {
      if (userId == null) {
        return "系统";
      }
      return userNames.computeIfAbsent(userId, id -> {
        User u = identity.createUserQuery().userId(id).singleResult();
        String name = u == null ? null : ((u.getFirstName() == null ? "" : u.getFirstName())
            + (u.getLastName() == null ? "" : u.getLastName())).trim();
        if (name != null && !name.isEmpty()) {
          return name;
        }
        boolean admin = identity.createGroupQuery().groupMember(id).groupId(Groups.ADMINS).count() > 0;
        return admin ? "系统管理员" : id;
      });
    }
  }

  private static String kind(String activityType) {
    if (activityType == null) {
      return "环节";
    }
    if (activityType.equals("userTask")) {
      return "办理";
    }
    if (activityType.toLowerCase(Locale.ROOT).contains("timer")) {
      return "定时";
    }
    if (activityType.endsWith("Gateway")) {
      return "判断";
    }
    if (activityType.equals("startEvent")) {
      return "开始";
    }
    if (activityType.endsWith("EndEvent")) {
      return "结束";
    }
    return "自动";
  }

  private static String typeLabel(String activityType) {
    if (activityType == null) {
      return "环节";
    }
    return switch (activityType) {
      case "startEvent" -> "开始";
      case "noneEndEvent", "terminateEndEvent", "errorEndEvent" -> "结束";
      case "exclusiveGateway", "inclusiveGateway" -> "判断";
      case "parallelGateway" -> "并行分支";
      case "intermediateTimer" -> "定时等待";
      case "boundaryTimer" -> "超时";
      case "serviceTask", "scriptTask", "businessRuleTask", "sendTask" -> "自动处理";
      case "subProcess" -> "阶段";
      case "callActivity" -> "子流程";
      default -> activityType;
    };
  }

  private record CommentRow(String userId, Date time, String taskId, String text) {}

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** A timeline entry while it is being put together. */
  private static final class Builder {
    Date time;
    final String kind;
    String activityId;
    String title = "";
    String actor = "";
    Date start;
    Date end;
    Date due;
    boolean open;
    final List<CaseFile.Value> values = new ArrayList<>();
    /** The scopes and names of the values shown, so that a value written back unchanged is shown once. */
    final Set<String> shown = new HashSet<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, String> votes = new LinkedHashMap<>();

    Builder(Date time, String kind) {
      this.time = time;
      this.kind = kind;
    }

    CaseFile.Entry build() {
      Date finish = end != null ? end : Date.from(ChinaClock.now());
      String duration = start == null ? "" : (end == null ? "已进行 " : "") + Formats.duration(start, finish);
      boolean late = due != null && finish.after(due);
      return new CaseFile.Entry(time, kind, title, actor, start, end, duration, due, late,
          late ? Formats.duration(due, finish) : "", open, values.stream().map(v -> v.outside(title)).toList(),
          List.copyOf(notes));
    }
  }

  /** Whether engine id {@code a} was handed out before {@code b} on the node that made both; empty if unknown. */
  static Optional<Boolean> generatedBefore(String a, String b) {
    if (a == null || b == null) {
      return Optional.empty();
    }
    if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit) && !a.isEmpty()
        && !b.isEmpty()) {
      return Optional.of(new BigInteger(a).compareTo(new BigInteger(b)) < 0);
    }
    try {
      UUID x = UUID.fromString(a);
      UUID y = UUID.fromString(b);
      if (x.version() != 1 || y.version() != 1 || x.timestamp() == y.timestamp()) {
        return Optional.empty();
      }
      return Optional.of(x.timestamp() < y.timestamp());
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
