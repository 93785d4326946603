package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.junit.jupiter.api.Test;

class ImportedUserPasswordTest {

  @Test
  void theRandomPasswordsOfImportedUsersSatisfyThePasswordPolicy() {
    for (int i = 0; i < 1000; i++) {
      String password = IdentitySync.randomPassword();
      for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
        assertThat(rule.execute(password, null)).as(rule.getPlaceholder() + " " + password).isTrue();
      }
    }
  }
}
