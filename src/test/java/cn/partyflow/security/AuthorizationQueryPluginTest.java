package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class AuthorizationQueryPluginTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void checksAuthorizationsAgainstAllOfTheUsersGroupsWithoutScanningTheGrants() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> groups = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("rmyy-nk.organizer", "no-grants")));
    assertThat(groups).containsExactly("rmyy-nk.organizer", "no-grants");
  }

  @Test
  void authorizationsAreIndexedByUser() {
    assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
        AuthorizationQueryPlugin.USER_INDEX)).containsIgnoringCase("act_ru_authorization").containsIgnoringCase("user_id_");
  }

  @Test
  void pooledConnectionsPlanForDataInMemory() {
    assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
  }
}
