package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.security.LoginClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Failed logins slow down by login name and by client address, and never lock anybody out for good. */
@PostgresTest
class LoginThrottleTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired LoginSettings settings;
  @Autowired LoginPolicyPlugin plugin;
  @Autowired ProcessEngine engine;

  Instant now = Instant.now();

  @AfterEach
  void forgetEveryFailure() {
    ClockUtil.reset();
    jdbc.update("delete from pf_login_throttle");
  }

  @Test
  void tenWrongPasswordsForTheAdministratorHoldHimOffNoLongerThanTheLongestWait() {
    LoginClient anonymous = LoginClient.at("127.0.0.21", port);
    for (int i = 1; i <= 10; i++) {
      if (i > 1) {
        now = now.plus(settings.waitAfter(i - 1, settings.userFailuresBeforeWait())).plusSeconds(1);
      }
      setClock(now);
      assertThat(anonymous.engineRest("admin", "wrong" + i).status()).as("failure %d", i).isEqualTo(401);
    }
    Answer waiting = anonymous.engineRest("admin", "demo");
    assertThat(waiting.status()).isEqualTo(429);
    for (int i = 0; i < 5; i++) {
      assertThat(anonymous.engineRest("admin", "still-guessing").status()).isEqualTo(429);
    }

    setClock(now.plus(settings.maxWait()));

    assertThat(anonymous.engineRest("admin", "demo").status()).isEqualTo(200);
    assertThat(anonymous.webappLogin("admin", "demo").status()).isEqualTo(200);
  }

  @Test
  void aWaitingLoginIsToldInChineseHowLongToWait() {
    LoginClient anonymous = LoginClient.at("127.0.0.22", port);
    for (int i = 1; i <= settings.userFailuresBeforeWait(); i++) {
      assertThat(anonymous.webappLogin("nk_zhuren", "wrong").status()).isEqualTo(401);
    }

    Answer webapp = anonymous.webappLogin("nk_zhuren", "demo");
    Answer rest = anonymous.engineRest("nk_zhuren", "demo");
    Answer api = anonymous.api("nk_zhuren", "demo");

    for (Answer refused : List.of(webapp, rest, api)) {
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Content-Type")).startsWith("application/json");
      assertThat(refused.body()).contains("\"message\":\"该账户登录失败次数过多，已暂停登录，请", "秒后再试",
          "最长 5 分钟");
      assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 30);
    }
  }

  @Test
  void anotherClientAddressIsNotSlowedByOneThatGuessesManyNames() {
    LoginClient guesser = LoginClient.at("127.0.0.23", port);
    List<String> names = List.of("rmyy_shuji", "rmyy_fushuji", "rmyy_zzb", "rmyy_fgld", "rmyy_dangban",
        "rmyy_jiwei", "rmyy_shenji", "nk_shuji", "nk_zuzhi", "nk_dangfei");
    for (String name : names) {
      assertThat(guesser.engineRest(name, "wrong").status()).isEqualTo(401);
    }

    Answer refused = guesser.engineRest("jgzb_shuji", "demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("本机登录失败次数过多");

    LoginClient colleague = LoginClient.at("127.0.0.24", port);
    assertThat(colleague.engineRest("rmyy_shuji", "demo").status()).isEqualTo(200);
    assertThat(colleague.webappLogin("nk_dangfei", "demo").status()).isEqualTo(200);
  }

  @Test
  void anotherLoginNameIsNotSlowedByOneBeingGuessedFromManyAddresses() {
    for (int i = 1; i <= settings.userFailuresBeforeWait(); i++) {
      assertThat(LoginClient.at("127.0.0." + (30 + i), port).engineRest("wk_dangfei", "wrong").status())
          .isEqualTo(401);
    }

    assertThat(LoginClient.at("127.0.0.40", port).engineRest("wk_dangfei", "demo").status()).isEqualTo(429);
    assertThat(LoginClient.at("127.0.0.31", port).engineRest("wk_shuji", "demo").status()).isEqualTo(200);
  }

  @Test
  void aUserLockedByCamundasOwnCounterLogsInAndTheCounterIsClearedAtStartup() {
    jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ in ('admin', 'hq_shuji')",
        Date.from(Instant.now().plus(Duration.ofDays(365))));

    assertThat(LoginClient.at("127.0.0.41", port).engineRest("admin", "demo").status()).isEqualTo(200);
    assertThat(LoginClient.at("127.0.0.41", port).webappLogin("hq_shuji", "demo").status()).isEqualTo(200);

    jdbc.update("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = 'hq_shuji'",
        Date.from(Instant.now().plus(Duration.ofDays(365))));
    plugin.postProcessEngineBuild(engine);
    assertThat(jdbc.queryForList("select ID_ from ACT_ID_USER where ATTEMPTS_ > 0 or LOCK_EXP_TIME_ is not null"))
        .isEmpty();
  }

  @Test
  void unlockingTheUserInCamundaAdminLiftsTheWait() {
    LoginClient client = LoginClient.at("127.0.0.42", port);
    for (int i = 1; i <= settings.userFailuresBeforeWait(); i++) {
      client.engineRest("xz1_keshi", "wrong");
    }
    assertThat(client.engineRest("xz1_keshi", "demo").status()).isEqualTo(429);

    assertThat(http.withBasicAuth("admin", "demo")
        .postForEntity("/engine-rest/user/xz1_keshi/unlock", null, String.class).getStatusCode().value())
        .isEqualTo(204);

    assertThat(LoginClient.at("127.0.0.43", port).engineRest("xz1_keshi", "demo").status()).isEqualTo(200);
  }

  @Test
  void loginNamesListedToUnlockAtStartupMayLogInAtOnce() {
    LoginClient client = LoginClient.at("127.0.0.44", port);
    for (int i = 1; i <= settings.userFailuresBeforeWait(); i++) {
      client.engineRest("zb1_dangfei", "wrong");
      client.engineRest("zb2_shuji", "wrong");
    }

    new LoginThrottle(withUnlockAtStart(List.of("zb1_dangfei")), jdbc, transactions);

    assertThat(LoginClient.at("127.0.0.45", port).engineRest("zb1_dangfei", "demo").status()).isEqualTo(200);
    assertThat(LoginClient.at("127.0.0.45", port).engineRest("zb2_shuji", "demo").status()).isEqualTo(429);

    new LoginThrottle(withUnlockAtStart(List.of("*")), jdbc, transactions);

    assertThat(client.engineRest("zb2_shuji", "demo").status()).isEqualTo(200);
  }

  private LoginSettings withUnlockAtStart(List<String> names) {
    return new LoginSettings(settings.userFailuresBeforeWait(), settings.sourceFailuresBeforeWait(),
        settings.firstWait(), settings.maxWait(), settings.forgetAfter(), names);
  }

  private static void setClock(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
