package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy outside the demo setup. */
class PasswordRulesTest {

  private static User user(String id, String name) {
    User user = new UserEntity(id);
    user.setFirstName(name);
    user.setLastName("");
    return user;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "demo", "Kq7!mZ2#p", "kq7!mz2#pl9x", "KQ7!MZ2#PL9X", "Kq!mZ#pLxWv", "Kq7mZ2pL9xWv",
      "Xy-nk_shuji-9", "Xy-NK_SHUJI-9", "张三Kq7!mZ2#"})
  void weakPasswordsAndPasswordsHoldingTheUserAreRefused(String password) {
    assertThat(PasswordRules.satisfied(password, user("nk_shuji", "张三"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kq7!mZ2#pL", "Dangwu-2025-Xyz", "Hospital_Party9"})
  void longMixedPasswordsAreAccepted(String password) {
    assertThat(PasswordRules.satisfied(password, user("nk_shuji", "张三"))).isTrue();
  }

  @Test
  void outsideTheDemoAWeakAdministratorPasswordStopsTheStart() {
    assertThatThrownBy(() -> new AdminAccount(false, "demo")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADMIN_PASSWORD").hasMessageContaining("密码不符合密码策略");
    assertThatThrownBy(() -> new AdminAccount(false, "Admin-2025-Xyz")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("不得包含登录名");
    assertThatCode(() -> new AdminAccount(false, "Kq7!mZ2#pL9x")).doesNotThrowAnyException();
  }

  @Test
  void theDemoKeepsItsDemoPasswords() {
    assertThatCode(() -> new AdminAccount(true, "")).doesNotThrowAnyException();
    assertThatCode(() -> new AdminAccount(true, "demo")).doesNotThrowAnyException();
  }
}
