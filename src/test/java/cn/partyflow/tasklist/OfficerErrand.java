package cn.partyflow.tasklist;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The test-only procedure test-processes/officer-errand.bpmn with its two Camunda Forms (test-forms/): 办理 by the
 * branch's 组织委员, then 审核 by its 书记. Deployed by the tests themselves, never from processes/ or forms/.
 */
final class OfficerErrand {

  static final String KEY = "officerErrand";
  static final String REPORT_TASK = "Task_ReportErrand";
  static final String REVIEW_TASK = "Task_ReviewErrand";

  private OfficerErrand() {}

  static void deployOnce(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name("officer-errand-test")
          .addClasspathResource("test-processes/officer-errand.bpmn")
          .addClasspathResource("test-forms/test-errand-report.form")
          .addClasspathResource("test-forms/test-errand-review.form")
          .deploy();
    }
  }

  /** A unique Chinese title, so a test finds its own tasks among those other tests left in the shared database. */
  static String uniqueTitle(String prefix) {
    String digits = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000);
    StringBuilder chinese = new StringBuilder();
    for (char c : digits.toCharArray()) {
      chinese.append("零一二三四五六七八九".charAt(c - '0'));
    }
    return prefix + chinese;
  }

  static String start(RuntimeService runtime, String orgId, String orgName, String title, Date due) {
    return runtime.startProcessInstanceByKey(KEY, Map.of("orgId", orgId, "orgName", orgName, "itemTitle", title,
        "due", due)).getId();
  }
}
