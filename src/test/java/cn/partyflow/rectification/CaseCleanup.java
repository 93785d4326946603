package cn.partyflow.rectification;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** Removes a case a test started, from the engine and our tables: the tests share one database. */
public final class CaseCleanup {

  private CaseCleanup() {}

  public static void delete(JdbcTemplate jdbc, RuntimeService runtime, HistoryService history,
      String processInstanceId) {
    if (processInstanceId == null) {
      return;
    }
    runtime.deleteProcessInstancesIfExists(java.util.List.of(processInstanceId), "test finished", true, true, true);
    if (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      history.deleteHistoricProcessInstance(processInstanceId);
    }
    String items = "select i.id from pf_rectification_item i join pf_rectification_case c on c.id = i.case_id"
        + " where c.process_instance_id = ?";
    jdbc.update("delete from pf_notification where item_id in (" + items + ")", processInstanceId);
    jdbc.update("delete from pf_rectification_event where item_id in (" + items + ")", processInstanceId);
    jdbc.update("delete from pf_rectification_evidence where item_id in (" + items + ")", processInstanceId);
    jdbc.update("delete from pf_rectification_item where case_id in (select id from pf_rectification_case"
        + " where process_instance_id = ?)", processInstanceId);
    jdbc.update("delete from pf_rectification_case where process_instance_id = ?", processInstanceId);
  }
}
