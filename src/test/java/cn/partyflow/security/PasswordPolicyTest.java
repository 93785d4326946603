package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The password policy as the engine applies it outside the demo setup (partyflow.demo=false switches it on at
 * startup; here it is switched on for the test only, the shared demo context keeps "demo").
 */
@PostgresTest
class PasswordPolicyTest {

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  ProcessEngineConfigurationImpl configuration;

  @BeforeEach
  void policyOn() {
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    configuration.setEnablePasswordPolicy(true);
  }

  @AfterEach
  void policyOffAndTestUserGone() {
    configuration.setEnablePasswordPolicy(false);
    configuration.setPasswordPolicy(null);
    if (identity.createUserQuery().userId("policy_probe").count() > 0) {
      identity.deleteUser("policy_probe");
    }
  }

  @Test
  void theAdministratorCannotCreateAUserWithAWeakPasswordOverRest() {
    ResponseEntity<String> refused = createUser("a");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains(PasswordRules.MESSAGE).doesNotContain("Password does not match");
    assertThat(identity.createUserQuery().userId("policy_probe").count()).isZero();

    assertThat(createUser("Kq7!mZ2#pL9x").getStatusCode().value()).isEqualTo(204);
    assertThat(identity.checkPassword("policy_probe", "Kq7!mZ2#pL9x")).isTrue();
  }

  @Test
  void aPasswordChangeToAWeakPasswordIsRefused() {
    assertThat(createUser("Kq7!mZ2#pL9x").getStatusCode().value()).isEqualTo(204);

    ResponseEntity<String> refused = http.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/user/policy_probe/credentials", HttpMethod.PUT,
        json("{\"password\":\"policy_probe1!\",\"authenticatedUserPassword\":\"demo\"}"), String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains(PasswordRules.MESSAGE);
    assertThat(identity.checkPassword("policy_probe", "Kq7!mZ2#pL9x")).isTrue();
  }

  private ResponseEntity<String> createUser(String password) {
    return http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/user/create",
        json("{\"profile\":{\"id\":\"policy_probe\",\"firstName\":\"测试\",\"lastName\":\"\"},"
            + "\"credentials\":{\"password\":\"" + password + "\"}}"), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
