package cn.partyflow.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A meeting's 整改清单 handed over by another procedure opens a rectification case of that source at the 组织部门's
 * registration, with the problems filled in; registering it records the case as the rules of every case do.
 */
@PostgresTest
class ProblemListHandoverTest {

  @Autowired ProblemListHandover handover;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeTheCases() {
    started.forEach(id -> CaseCleanup.delete(jdbc, runtime, history, id));
  }

  @Test
  void aBranchLifeMeetingListOpensACaseOfItsSourceWithTheProblemsFilledIn() {
    identity.setAuthentication("nk_shuji", List.of());
    String pi;
    try {
      pi = handover.start("rmyy-nk", Rectification.BRANCH_LIFE_MEETING, ChinaClock.today(), "2026年度组织生活会",
          List.of(new ProblemListHandover.Problem("批评与自我批评", "学习制度落实不经常"),
              new ProblemListHandover.Problem("", "谈心谈话覆盖不全")));
    } finally {
      identity.clearAuthentication();
    }
    started.add(pi);
    Task register = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(register.getTaskDefinitionKey()).isEqualTo(Rectification.TASK_REGISTER_FEEDBACK);
    assertThat(register.getName()).contains("组织生活会");
    assertThat(runtime.getVariable(pi, "source")).isEqualTo("组织生活会");
    assertThat(runtime.getVariable(pi, "problems").toString()).contains("学习制度落实不经常").contains("谈心谈话覆盖不全");
    assertThat(runtime.getVariable(pi, ProblemListHandover.HANDED_OVER)).isEqualTo(true);

    tasks.complete(register.getId(), Map.of("source", "组织生活会", "feedbackDate", ChinaClock.today().toString(),
        "roundName", "2026年度组织生活会"));
    assertThat(jdbc.queryForObject("select source from pf_rectification_case where process_instance_id = ?",
        String.class, pi)).isEqualTo("组织生活会");
    assertThat(runtime.getVariable(pi, "problemCount")).isEqualTo(2);
  }

  @Test
  void theRegistrationFormShowsAHandedOverListWithoutTheImportHintAndTheInspectionLabels() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/rectification/rc-register-feedback.form").toFile());
    String hiddenWhenHandedOver = "=" + ProblemListHandover.HANDED_OVER + " = true";
    String shownWhenHandedOver = "=" + ProblemListHandover.HANDED_OVER + " != true";
    List<String> forInspection = new ArrayList<>();
    List<String> forHandover = new ArrayList<>();
    for (JsonNode c : form.path("components")) {
      String shown = c.path("text").asText() + c.path("label").asText();
      String hide = c.path("conditional").path("hide").asText();
      if (hide.equals(hiddenWhenHandedOver)) {
        forInspection.add(shown);
      } else if (hide.equals(shownWhenHandedOver)) {
        forHandover.add(shown);
      } else {
        assertThat(shown).as("shown for every source").doesNotContain("请先导入", "巡察", "已导入");
      }
    }
    assertThat(forInspection).anyMatch(t -> t.contains("请先导入")).contains("巡察轮次", "巡察组");
    assertThat(forHandover).anyMatch(t -> t.contains("无需导入")).anyMatch(t -> t.contains("来源会议"))
        .noneMatch(t -> t.contains("巡察"));
  }

  @Test
  void anEmptyListStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(Rectification.PROCESS_KEY).count();
    assertThatThrownBy(() -> handover.start("rmyy", Rectification.LEADERSHIP_LIFE_MEETING, ChinaClock.today(),
        "2026年度民主生活会", List.of())).isInstanceOf(RuleViolation.class).hasMessageContaining("没有查摆出问题");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Rectification.PROCESS_KEY).count())
        .isEqualTo(before);
  }
}
