package cn.partyflow.audit;

import cn.partyflow.shared.ChinaClock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/** How history reads to a Chinese auditor: China time, durations in days and hours, operation names in Chinese. */
final class Formats {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ChinaClock.ZONE);

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry("Complete", "办理完成"), Map.entry("Create", "创建"), Map.entry("Assign", "转交"),
      Map.entry("SetAssignee", "转交"), Map.entry("Claim", "认领"), Map.entry("Delegate", "委托办理"),
      Map.entry("Resolve", "委托办结"),
      Map.entry("SetOwner", "设置任务所有人"), Map.entry("Update", "修改任务"), Map.entry("Delete", "删除/撤销"),
      Map.entry("Suspend", "挂起"), Map.entry("Activate", "激活"), Map.entry("SetPriority", "修改优先级"),
      Map.entry("AddUserLink", "增加候选人"), Map.entry("DeleteUserLink", "移除候选人"),
      Map.entry("AddGroupLink", "增加候选组"), Map.entry("DeleteGroupLink", "移除候选组"),
      Map.entry("SetVariable", "修改数据"), Map.entry("SetVariables", "修改数据"),
      Map.entry("ModifyVariable", "修改数据"), Map.entry("RemoveVariable", "删除数据"),
      Map.entry("ModifyProcessInstance", "调整流程位置"), Map.entry("Migrate", "迁移流程版本"),
      Map.entry("RestartProcessInstance", "重启流程"), Map.entry("SetJobRetries", "重试作业"),
      Map.entry("SetRemovalTime", "修改保存期限"), Map.entry("UpdateHistoryTimeToLive", "修改保存期限"),
      Map.entry("DeleteHistory", "删除历史"), Map.entry("CreateIncident", "创建异常"),
      Map.entry("Resolve Incident", "解决异常"), Map.entry("SetAnnotation", "添加说明"),
      Map.entry("Execute", "执行作业"));

  private static final Map<String, String> ENTITIES = Map.of(
      "Task", "任务", "ProcessInstance", "流程实例", "Variable", "数据", "IdentityLink", "办理人/候选",
      "Job", "作业", "ProcessDefinition", "流程定义", "Attachment", "附件");

  private static final Map<String, String> PROPERTIES = Map.ofEntries(
      Map.entry("assignee", "办理人"), Map.entry("owner", "所有人"), Map.entry("dueDate", "办理期限"),
      Map.entry("followUpDate", "提醒日期"), Map.entry("priority", "优先级"), Map.entry("name", "名称"),
      Map.entry("description", "说明"), Map.entry("delegation", "委托状态"), Map.entry("deleteReason", "撤销原因"),
      Map.entry("candidate", "候选"), Map.entry("suspensionState", "挂起状态"), Map.entry("delete", "删除"),
      Map.entry("cascade", "级联"), Map.entry("nrOfInstances", "数量"), Map.entry("async", "异步"),
      Map.entry("processDefinitionKey", "流程"), Map.entry("historyTimeToLive", "保存天数"),
      Map.entry("variableName", "数据项"), Map.entry("userId", "人员"), Map.entry("groupId", "办理组"));

  /**
   * Properties of the operation log a person can read. The rest are the engine's own details (a completed task is
   * logged with {@code delete: false → true}, cascades, async flags, instance counts) and stay hidden.
   */
  private static final Set<String> SHOWN_PROPERTIES = Set.of("assignee", "owner", "dueDate", "followUpDate",
      "priority", "name", "description", "delegation", "deleteReason", "candidate", "suspensionState",
      "historyTimeToLive", "variableName", "userId", "groupId");

  private Formats() {}

  static String dateTime(Date d) {
    return d == null ? "" : DATE_TIME.format(d.toInstant());
  }

  static String duration(Date from, Date to) {
    Duration d = Duration.between(from.toInstant(), to.toInstant());
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + "天" + (hours > 0 ? hours + "小时" : "");
    }
    if (hours > 0) {
      return hours + "小时" + (minutes > 0 ? minutes + "分" : "");
    }
    return minutes > 0 ? minutes + "分钟" : "不足1分钟";
  }

  static String value(Object v) {
    if (v == null) {
      return "（空）";
    }
    if (v instanceof Date d) {
      return dateTime(d);
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    String s = v.toString();
    return s.length() > 4000 ? s.substring(0, 4000) + "……" : s;
  }

  /**
   * Why a task ended without its completion: the engine's {@code deleted} is a step the case left (a deadline, an
   * early close, an interrupting event), said in words; a reason somebody typed stays as typed.
   */
  static String taskEnd(String reason) {
    return "deleted".equals(reason) ? "由流程撤销（该环节已截止或被中断）" : reason;
  }

  static String operation(String type) {
    return type == null ? "" : OPERATIONS.getOrDefault(type, type);
  }

  /** An operation in words; giving up a claimed task is logged as a claim by nobody. */
  static String operation(String type, String entity, String property, String newValue) {
    if ("Claim".equals(type) && "assignee".equals(property) && newValue == null) {
      return "退回认领";
    }
    if ("Create".equals(type) && "ProcessInstance".equals(entity)) {
      return "发起流程";
    }
    return operation(type);
  }

  static boolean shownProperty(String property) {
    return property != null && SHOWN_PROPERTIES.contains(property);
  }

  static String entity(String type) {
    return type == null ? "" : ENTITIES.getOrDefault(type, type);
  }

  static String propertyLabel(String property) {
    return property == null ? "" : PROPERTIES.getOrDefault(property, property);
  }

  /** Dates in the operation log are kept as milliseconds; an auditor reads them as dates. */
  static String property(String property, String value) {
    if (value == null) {
      return null;
    }
    if (("dueDate".equals(property) || "followUpDate".equals(property)) && value.matches("\\d{9,}")) {
      return dateTime(new Date(Long.parseLong(value)));
    }
    return value;
  }

  static String orEmpty(String s) {
    return s == null ? "（空）" : s;
  }
}
