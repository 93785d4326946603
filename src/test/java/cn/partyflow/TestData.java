package cn.partyflow;

import cn.partyflow.organization.IdentitySync;
import cn.partyflow.rectification.CaseCleanup;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a {@link PostgresTest} put into the shared database, removed when it is done: the tests share one database,
 * and a branch or person left behind shows in every later test's lists (a 书记 of two branches, a candidate more).
 * Record what the test makes as it makes it, then {@link #remove} it in {@code @AfterEach} or {@code @AfterAll}.
 */
public final class TestData {

  private final Set<String> cases = new LinkedHashSet<>();
  private final Set<String> people = new LinkedHashSet<>();
  private final Set<String> organizations = new LinkedHashSet<>();

  /**
   * A case the test started; returned as given. Cases whose business key or {@code applicantId} is a recorded
   * person's id, or whose business key starts with a recorded organization's id and a colon (the dues cases), are
   * found without this.
   */
  public String started(String processInstanceId) {
    cases.add(processInstanceId);
    return processInstanceId;
  }

  public void person(String id) {
    people.add(id);
  }

  public void organization(String id) {
    organizations.add(id);
  }

  /**
   * Removes the cases (and the cases they called, with their history, committee-meeting votes and rectification
   * items), the dues records of the organizations, the role assignments, people and organizations, and the
   * organizations' groups; then forgets them.
   */
  public void remove(ApplicationContext context) {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    HistoryService history = context.getBean(HistoryService.class);
    Set<String> all = new LinkedHashSet<>(cases);
    for (String p : people) {
      history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(p).list()
          .forEach(h -> all.add(h.getId()));
      history.createHistoricProcessInstanceQuery().variableValueEquals("applicantId", p).list()
          .forEach(h -> all.add(h.getId()));
    }
    organizations.forEach(o -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(o + ":%")
        .list().forEach(h -> all.add(h.getId())));
    for (String id : List.copyOf(all)) {
      history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list().forEach(h -> all.add(h.getId()));
    }
    if (!all.isEmpty()) {
      String in = String.join(",", Collections.nCopies(all.size(), "?"));
      Object[] ids = all.toArray();
      for (Long m : jdbc.queryForList("select distinct meeting_id from pf_committee_decision"
          + " where process_instance_id in (" + in + ")", Long.class, ids)) {
        jdbc.update("delete from pf_committee_attendance where meeting_id = ?", m);
        jdbc.update("delete from pf_committee_decision where meeting_id = ?", m);
        jdbc.update("delete from pf_committee_meeting where id = ?", m);
      }
      jdbc.update("delete from pf_routing_log where process_instance_id in (" + in + ")", ids);
      all.forEach(id -> CaseCleanup.delete(jdbc, runtime, history, id));
    }
    for (String o : organizations) {
      jdbc.update("delete from pf_dues_large_voluntary where branch_id = ?", o);
      for (String table : List.of("pf_dues_payment", "pf_dues_ledger", "pf_dues_adjustment", "pf_dues_assessment",
          "pf_dues_month_close", "pf_dues_remittance", "pf_dues_arrears_case", "pf_dues_member_start",
          "pf_dues_month_total")) {
        jdbc.update("delete from " + table + " where branch_id = ?", o);
      }
      jdbc.update("delete from pf_dues_case_start where business_key like ?", o + ":%");
      jdbc.update("delete from pf_role_assignment where org_id = ?", o);
    }
    for (String p : people) {
      jdbc.update("delete from pf_dues_member_start where person_id = ?", p);
      jdbc.update("delete from pf_role_assignment where person_id = ?", p);
      jdbc.update("delete from pf_person where id = ?", p);
    }
    IdentityService identity = context.getBean(IdentityService.class);
    for (String o : organizations) {
      jdbc.update("delete from pf_organization where id = ?", o);
      identity.createGroupQuery().list().stream().map(Group::getId)
          .filter(g -> g.equals(o) || g.startsWith(o + ".")).forEach(identity::deleteGroup);
    }
    if (!organizations.isEmpty()) {
      context.getBean(IdentitySync.class).sync();
    }
    cases.clear();
    people.clear();
    organizations.clear();
  }
}
