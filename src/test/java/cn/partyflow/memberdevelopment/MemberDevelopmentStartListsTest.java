package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The 发展党员 start form's applicant list, and where a started case's first task went, over HTTP. */
@PostgresTest
class MemberDevelopmentStartListsTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();

  final List<String> started = new java.util.ArrayList<>();

  @AfterEach
  void removeCases() {
    started.forEach(pi -> runtime.deleteProcessInstanceIfExists(pi, "test", true, true, true, false));
    made.remove(context);
  }

  @Test
  void theApplicantListOffersByNameThePeopleOfTheStartersBranchesWithoutARunningCase() {
    String free = person("列表甲", "rmyy-nk");
    String busy = person("列表乙", "rmyy-nk");
    String elsewhere = person("列表丙", "rmyy-wk");
    started.add(runtime.startProcessInstanceByKey("memberDevelopment", Map.of("applicantId", busy)).getId());

    Map<String, String> options = applicantOptions("nk_zuzhi");
    assertThat(options).containsKey(free).doesNotContainKeys(busy, elsewhere, "P011");
    assertThat(options.get(free)).startsWith("列表甲（群众，").contains("内科党支部").doesNotContain(free);
    assertThat(applicantOptions("rmyy_zzb")).as("the 党委's 组织部门干事 acts for every branch below")
        .containsKeys(free, elsewhere);
  }

  @Test
  void theStarterLandsOnTheFirstTaskWhenItIsTheirsAndIsOtherwiseToldWhoHoldsIt() {
    String mine = start("nk_zuzhi", person("落地甲", "rmyy-nk"));
    Map<?, ?> answer = nextStep("nk_zuzhi", mine).getBody();
    assertThat(answer.get("taskId")).isEqualTo(tasks.createTaskQuery().processInstanceId(mine).singleResult().getId());

    String theirs = start("rmyy_zzb", person("落地乙", "rmyy-nk"));
    answer = nextStep("rmyy_zzb", theirs).getBody();
    assertThat(answer.get("taskId")).isNull();
    assertThat((String) answer.get("message")).contains("登记落地乙的入党申请书", "县人民医院内科党支部的组织委员（刘洋）")
        .doesNotContain("rmyy-nk", "organizer");

    assertThat(nextStep("nk_shuji", theirs).getStatusCode()).as("only the starter may ask")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String person(String name, String orgId) {
    String id = "SL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    made.person(id);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        id, name, "女", Date.valueOf("1999-05-20"), "NON_MEMBER", orgId);
    return id;
  }

  private String start(String user, String applicant) {
    Map<?, ?> answer = http.withBasicAuth(user, "demo").postForObject(
        "/engine-rest/process-definition/key/memberDevelopment/start",
        Map.of("variables", Map.of("applicantId", Map.of("value", applicant, "type", "String"))), Map.class);
    String id = (String) answer.get("id");
    started.add(id);
    return id;
  }

  private ResponseEntity<Map> nextStep(String user, String processInstanceId) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/cases/" + processInstanceId + "/next-step",
        Map.class);
  }

  private Map<String, String> applicantOptions(String user) {
    Map<?, ?> form = http.withBasicAuth(user, "demo").getForObject(
        "/engine-rest/process-definition/key/memberDevelopment/deployed-start-form", Map.class);
    Map<String, String> options = new LinkedHashMap<>();
    for (Object c : (List<?>) form.get("components")) {
      if ("applicantId".equals(((Map<?, ?>) c).get("key"))) {
        for (Object o : (List<?>) ((Map<?, ?>) c).get("values")) {
          options.put((String) ((Map<?, ?>) o).get("value"), (String) ((Map<?, ?>) o).get("label"));
        }
      }
    }
    return options;
  }
}
