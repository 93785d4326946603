package cn.partyflow.roster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.WebSession;
import cn.partyflow.memberdevelopment.MemberDevelopment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The roster over HTTP: found by part of a name within the user's scope only, a person outside it is not there, and
 * the 发展党员 start from a person's page is offered to and accepted from the branch's organizer only, once, and opens
 * the new case's first step in Tasklist.
 */
@PostgresTest
class RosterTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  final TestData made = new TestData();
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String personId = "R" + tag;
  /** The tag in Chinese characters, so that the name is one a person could have and Tasklist shows no Latin. */
  final String nameTag = tag.chars().mapToObj(c -> String.valueOf("零一二三四五六七八九甲乙丙丁戊己"
      .charAt(Character.digit(c, 16)))).reduce("", String::concat);
  final String name = "欧阳" + nameTag + "明";

  @BeforeEach
  void applicant() {
    made.person(personId);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, application_date,"
        + " on_probation_discipline) values (?, ?, '男', date '1998-01-01', 'APPLICANT', 'rmyy-nk', date '2026-01-05',"
        + " false)", personId, name);
  }

  /** The shared database keeps no running case of these tests, so other tests' task lists stay as they expect. */
  @AfterEach
  void removeTheCases() {
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(personId).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup"));
    made.remove(context);
  }

  @Test
  void partOfANameFindsThePersonWithinScopeOnly() {
    String found = WebSession.open(http, "nk_zuzhi", "/people?name=" + nameTag).page();
    assertThat(found).contains(name, personId, "入党申请人", "内科党支部", "2026-01-05", "/people/" + personId);

    String otherBranch = WebSession.open(http, "wk_zuzhi", "/people?name=" + nameTag).page();
    assertThat(otherBranch).doesNotContain(name).contains("没有符合条件的人员");
    assertThat(http.withBasicAuth("wk_zuzhi", "demo").getForEntity("/people/" + personId, String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theBranchOrganizerStartsMemberDevelopmentOnceAndLandsOnTheFirstTask() throws Exception {
    String page = WebSession.open(http, "nk_zuzhi", "/people/" + personId).page();
    assertThat(page).contains("id=\"start-member-development\"", "发起发展党员（从递交入党申请开始）", "申请入党日期", "2026-01-05");

    HttpResponse<String> started = post("nk_zuzhi", "/people/" + personId + "/member-development");

    assertThat(started.statusCode()).isEqualTo(302);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(personId).singleResult().getId();
    assertThat(started.headers().firstValue("Location").orElse(""))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(cases()).isEqualTo(1);
    assertThat(WebSession.open(http, "nk_zuzhi", "/people/" + personId).page())
        .contains("发展党员", "办理中").doesNotContain("id=\"start-member-development\"");

    HttpResponse<String> again = post("nk_zuzhi", "/people/" + personId + "/member-development");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/people/" + personId);
    assertThat(cases()).isEqualTo(1);
  }

  @Test
  void anOfficerWhoDoesNotRunMemberDevelopmentIsNotOfferedTheStartAndIsRefused() throws Exception {
    assertThat(WebSession.open(http, "nk_dangfei", "/people/" + personId).page())
        .contains(name).doesNotContain("id=\"start-member-development\"");

    assertThat(post("nk_dangfei", "/people/" + personId + "/member-development").statusCode()).isEqualTo(403);
    assertThat(post("wk_zuzhi", "/people/" + personId + "/member-development").statusCode()).isEqualTo(404);
    assertThat(cases()).isZero();
  }

  @Test
  void anAnonymousVisitorOfTheHomeIsSentToTheLoginPage() throws Exception {
    HttpResponse<String> home = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/camunda/app/welcome/default/#!/login");
  }

  @Test
  void anAnonymousVisitorOfAPageIsSentToTheLoginPageCarryingThePageAlong() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/people?name=%E5%88%98&status=ACTIVIST"))
            .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/camunda/app/welcome/default/"
        + "?next=%2Fpeople%3Fname%3D%25E5%2588%2598%26status%3DACTIVIST#!/login");
  }

  private long cases() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .processInstanceBusinessKey(personId).count();
  }

  /** A form post as the browser makes it (session cookie and CSRF token of a page), redirects not followed. */
  private HttpResponse<String> post(String user, String path) throws Exception {
    WebSession session = WebSession.open(http, user, "/people");
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).header("Cookie", session.cookie())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + session.csrf())).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
