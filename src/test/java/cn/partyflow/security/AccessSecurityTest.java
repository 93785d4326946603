package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@PostgresTest
class AccessSecurityTest {

  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  ProcessInstance surgeryCase;
  String surgeryTaskId;

  @BeforeEach
  void startACaseOfTheSurgeryBranch() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("branchErrand").count() == 0) {
      repository.createDeployment().addClasspathResource("test-processes/branch-errand.bpmn").deploy();
    }
    surgeryCase = runtime.startProcessInstanceByKey("branchErrand",
        Map.of("orgId", "rmyy-wk", "role", "organizer", "subject", "外科支部事项"));
    surgeryTaskId = tasks.createTaskQuery().processInstanceId(surgeryCase.getId()).singleResult().getId();
  }

  @Test
  void engineRestRefusesAnonymousCalls() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/user", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("wk_zuzhi", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anOfficerOfAnotherBranchSeesNeitherTheTaskNorTheCase() {
    TestRestTemplate medicine = http.withBasicAuth("nk_zuzhi", "demo");
    assertThat(medicine.getForObject("/engine-rest/task?processInstanceId=" + surgeryCase.getId(), List.class))
        .isEmpty();
    assertThat(medicine.getForEntity("/engine-rest/task/" + surgeryTaskId, String.class).getStatusCode().value())
        .isIn(403, 404);
    assertThat(medicine.getForEntity("/engine-rest/process-instance/" + surgeryCase.getId(), String.class)
        .getStatusCode().value()).isIn(403, 404);
    assertThat(medicine.getForObject("/engine-rest/process-instance?businessKey=&processDefinitionKey=branchErrand",
        List.class)).isEmpty();
    assertThat(medicine.getForObject("/engine-rest/history/process-instance?processInstanceId="
        + surgeryCase.getId(), List.class)).isEmpty();
  }

  @Test
  void theOfficersOfTheBranchAndOfItsCommitteeSeeTheirCase() {
    TestRestTemplate surgery = http.withBasicAuth("wk_zuzhi", "demo");
    assertThat(surgery.getForObject("/engine-rest/task?processInstanceId=" + surgeryCase.getId(), List.class))
        .hasSize(1);
    assertThat(surgery.getForEntity("/engine-rest/process-instance/" + surgeryCase.getId(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("rmyy_zzb", "demo")
        .getForEntity("/engine-rest/process-instance/" + surgeryCase.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theRightOfficerCompletesTheTaskAndTheOtherCannot() {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> refused = http.withBasicAuth("nk_zuzhi", "demo").exchange(
        "/engine-rest/task/" + surgeryTaskId + "/complete", HttpMethod.POST, new HttpEntity<>("{}", json),
        String.class);
    assertThat(refused.getStatusCode().value()).isIn(403, 404);
    ResponseEntity<String> done = http.withBasicAuth("wk_zuzhi", "demo").exchange(
        "/engine-rest/task/" + surgeryTaskId + "/complete", HttpMethod.POST, new HttpEntity<>("{}", json),
        String.class);
    assertThat(done.getStatusCode().is2xxSuccessful()).isTrue();
  }

  @Test
  void peopleOfAnotherBranchAreInvisible() {
    TestRestTemplate medicine = http.withBasicAuth("nk_zuzhi", "demo");
    assertThat(medicine.getForEntity("/api/people/P011", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(medicine.getForEntity("/api/people/P030", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(medicine.getForObject("/api/people", String.class)).contains("P011").doesNotContain("P030");
    assertThat(medicine.getForEntity("/api/people?orgId=rmyy-wk", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.withBasicAuth("rmyy_zzb", "demo").getForObject("/api/people", String.class))
        .contains("P011", "P030");
  }

  @Test
  void ourApisNeedALoginAndImportsNeedTheAdministratorOrAnOrganizationDepartment() {
    assertThat(http.getForEntity("/api/people", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    assertThat(http.withBasicAuth("nk_zuzhi", "demo").exchange("/api/import/people", HttpMethod.POST,
        new HttpEntity<>(new org.springframework.util.LinkedMultiValueMap<>(), multipart), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theFirstAdministratorSetupIsClosed() {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> setup = http.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
        new HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}", json),
        String.class);
    assertThat(setup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aBranchOfficerLogsIntoTasklistAndThatLoginOpensOurPagesToo() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList());
    String xsrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    form.add(HttpHeaders.COOKIE, cookies);
    form.add("X-XSRF-TOKEN", xsrf);
    ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>("username=nk_zuzhi&password=demo", form), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody()).contains("\"userId\":\"nk_zuzhi\"", "tasklist");

    String session = String.join("; ", login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.split(";", 2)[0]).toList());
    HttpHeaders withSession = new HttpHeaders();
    withSession.add(HttpHeaders.COOKIE, session.isEmpty() ? cookies : session);
    ResponseEntity<String> people = http.exchange("/api/people/P011", HttpMethod.GET, new HttpEntity<>(withSession),
        String.class);
    assertThat(people.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void withoutTheDemoSetupTheAdministratorPasswordIsRequired() {
    assertThatThrownBy(() -> new AdminAccount(false, ""))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_PASSWORD");
  }
}
