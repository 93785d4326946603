package cn.partyflow.reports;

import cn.partyflow.memberdevelopment.MemberDevelopment;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.SqlScope;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What only the 发展党员 cases know, read from the engine's history in one query each: probation extended, 预备党员
 *资格 cancelled, and steps still open past their deadline. A case belongs to the organization in its {@code orgId}
 * variable (the applicant's branch), as in the auditors' search.
 */
@Component
class DevelopmentCases {

  static final String CANCELLED_END = "EndEvent_Cancelled";

  private final JdbcTemplate jdbc;
  private final RepositoryService repository;
  private final Map<String, String> stepNames = new ConcurrentHashMap<>();

  DevelopmentCases(JdbcTemplate jdbc, RepositoryService repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** Cases whose 预备期 was extended by a decision recorded within the period (once per case, 细则第三十二条). */
  List<Ref> extended(ReportScope scope, Period period) {
    List<Object> args = new ArrayList<>(List.of(MemberDevelopment.PROCESS_KEY, start(period.from()),
        start(period.to().plusDays(1))));
    args.add(SqlScope.ids(scope.orgIds()));
    return jdbc.query("select p.id_ as pi, p.business_key_ as person, pp.name as name, o.text_ as org,"
            + " min(x.time_) as at from act_hi_detail x join act_hi_procinst p on p.id_ = x.proc_inst_id_"
            + " left join pf_person pp on pp.id = p.business_key_"
            + " join act_hi_varinst o on o.proc_inst_id_ = p.id_ and o.execution_id_ = p.id_ and o.name_ = 'orgId'"
            + " where p.proc_def_key_ = ? and x.name_ = 'extended' and x.long_ = 1 and x.time_ >= ? and x.time_ < ?"
            + " and " + SqlScope.anyOf("o.text_") + " group by p.id_, p.business_key_, pp.name, o.text_"
            + " order by min(x.time_)",
        (rs, i) -> ref(rs.getString("person"), rs.getString("name"), scope.name(rs.getString("org")),
            ChinaClock.toLocalDate(rs.getTimestamp("at")).toString(), rs.getString("pi")), args.toArray());
  }

  /** Cases ended by cancelling the 预备党员资格, counted by the date the higher 党委 approved it. */
  List<Ref> cancelled(ReportScope scope, Period period) {
    List<Object> args = new ArrayList<>(List.of(MemberDevelopment.PROCESS_KEY, CANCELLED_END,
        period.from().toString(), period.to().toString()));
    args.add(SqlScope.ids(scope.orgIds()));
    return jdbc.query("select p.id_ as pi, p.business_key_ as person, pp.name as name, o.text_ as org,"
            + " d.text_ as approved from act_hi_procinst p left join pf_person pp on pp.id = p.business_key_"
            + " join act_hi_varinst o on o.proc_inst_id_ = p.id_ and o.execution_id_ = p.id_ and o.name_ = 'orgId'"
            + " join act_hi_varinst d on d.proc_inst_id_ = p.id_ and d.name_ = '"
            + MemberDevelopment.CONVERSION_APPROVAL_DATE + "'"
            + " where p.proc_def_key_ = ? and p.end_act_id_ = ? and d.text_ >= ? and d.text_ <= ?"
            + " and " + SqlScope.anyOf("o.text_") + " order by d.text_",
        (rs, i) -> ref(rs.getString("person"), rs.getString("name"), scope.name(rs.getString("org")),
            rs.getString("approved"), rs.getString("pi")), args.toArray());
  }

  /** Open steps past their deadline now, grouped by step (in the order the steps were found). */
  Map<String, List<Ref>> overdue(ReportScope scope, Date now) {
    List<Object> args = new ArrayList<>(List.of(MemberDevelopment.PROCESS_KEY, new Timestamp(now.getTime())));
    args.add(SqlScope.ids(scope.orgIds()));
    Map<String, List<Ref>> byStep = new LinkedHashMap<>();
    jdbc.query("select t.task_def_key_ as step, t.proc_def_id_ as def, t.due_date_ as due, t.proc_inst_id_ as pi,"
            + " e.business_key_ as person, pp.name as name, o.text_ as org"
            + " from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
            + " join act_ru_execution e on e.id_ = t.proc_inst_id_ left join pf_person pp on pp.id = e.business_key_"
            + " join act_ru_variable o on o.execution_id_ = t.proc_inst_id_ and o.name_ = 'orgId'"
            + " where d.key_ = ? and t.due_date_ < ? and " + SqlScope.anyOf("o.text_")
            + " order by t.due_date_",
        rs -> {
          String step = stepName(rs.getString("def"), rs.getString("step"));
          byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(ref(rs.getString("person"),
              rs.getString("name"), scope.name(rs.getString("org")),
              "期限" + ChinaClock.toLocalDate(rs.getTimestamp("due")), rs.getString("pi")));
        }, args.toArray());
    return byStep;
  }

  /** The step as the diagram names it, with 申请人 for the applicant's name ("与申请人谈话"). */
  private String stepName(String definitionId, String activityId) {
    return stepNames.computeIfAbsent(definitionId + "#" + activityId, k -> {
      FlowElement e = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
      String name = e == null || e.getName() == null ? activityId : e.getName();
      return name.replace("${" + MemberDevelopment.APPLICANT_NAME + "}", "申请人");
    });
  }

  private static Ref ref(String personId, String name, String org, String detail, String pi) {
    return new Ref(name == null ? personId : name, org, detail,
        personId == null ? null : ReportScope.personHref(personId), pi);
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ChinaClock.ZONE).toInstant());
  }
}
