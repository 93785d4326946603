package cn.partyflow.audit;

import java.util.Date;
import java.util.List;
import java.util.Map;

/** Everything an auditor needs to reconstruct one case, in the order it happened. Read-only by construction. */
record CaseFile(
    Summary summary,
    List<Entry> timeline,
    List<Opinion> opinions,
    List<Vote> votes,
    List<TimerFired> timers,
    List<Operation> operations,
    List<String> routingReasons,
    List<Notice> notifications,
    List<AccessLog.Entry> accessLog,
    List<Value> finalValues,
    String diagramSvg) {

  record Summary(String processInstanceId, String businessKey, String processKey, String procedureName,
      int procedureVersion, String orgId, String orgName, String person, String startedBy, Date started, Date ended,
      String status, String endReason, List<String> currentSteps) {

    /**
     * How a reader names the case: the procedure and whom it concerns (the person, else the organization), never the
     * engine's instance id.
     */
    public String title() {
      String about = person != null && !person.isEmpty() ? person : orgName == null ? "" : orgName;
      return procedureName + (about.isEmpty() ? "" : " · " + about);
    }
  }

  /**
   * One thing that happened: a step (with who did it, its deadline and the values submitted with it), a change made
   * outside any step, or an operation such as a reassignment.
   */
  record Entry(Date time, String kind, String title, String actor, Date start, Date end, String duration,
      Date due, boolean late, String lateBy, boolean open, List<Value> values, List<String> notes) {

    public boolean hasValues() {
      return !values.isEmpty();
    }
  }

  /**
   * A submitted value; {@code oldValue} is set where it replaced an earlier one. {@code scope} names the instance of a
   * repeated part the value belongs to (a 巡察整改 item: 事项2（院办）) where the step it is shown with does not
   * already name it, else it is empty.
   */
  record Value(String name, String oldValue, String newValue, boolean prominent, String scope) {

    Value(String name, String oldValue, String newValue, boolean prominent) {
      this(name, oldValue, newValue, prominent, "");
    }

    public boolean changed() {
      return oldValue != null;
    }

    /** The scope as a person reads it before the name: 【事项2（院办）】, or nothing. */
    public String scopeMark() {
      return scope.isEmpty() ? "" : "【" + scope + "】";
    }

    /** The name with its scope, where it has one. */
    public String label() {
      return scopeMark() + name;
    }

    Value outside(String title) {
      return scope.isEmpty() || !title.contains(scope) ? this : new Value(name, oldValue, newValue, prominent, "");
    }
  }

  /** An opinion, a reason for a return, a remark or a decision: what a form declares one, and comments. */
  record Opinion(Date time, String step, String actor, String name, String text) {}

  record Vote(Date time, String step, String actor, Map<String, String> counts) {}

  record TimerFired(Date time, String activity, String kind) {}

  /** A notification sent about the case: when, to whom (by name), how, its subject, and whether it arrived. */
  record Notice(Date time, String recipient, String channel, String subject, String outcome) {}

  record Operation(Date time, String user, String operation, String entity, String property, String oldValue,
      String newValue, String taskName) {

    /** What changed, old → new; empty where the operation changed nothing a person reads. */
    public String change() {
      return property.isEmpty() ? "" : Formats.orEmpty(oldValue) + " → " + Formats.orEmpty(newValue);
    }
  }
}
