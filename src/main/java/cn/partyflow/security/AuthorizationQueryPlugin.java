package cn.partyflow.security;

import cn.partyflow.shared.EngineTables;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's authorization checks cheap when every open task carries its own grants (hundreds of thousands of
 * rows in ACT_RU_AUTHORIZATION):
 *
 * <ul>
 *   <li>the engine narrows a user's groups to "groups that hold any authorization" by reading the distinct group ids of
 *       the whole table once per command; our groups all hold authorizations, so the narrowing never removes one and
 *       only costs a scan. The user's groups are used as they are;
 *   <li>the check looks authorizations up by user or by group; the engine indexes the group column only, so the user
 *       column gets an index too ({@value #USER_INDEX}).
 * </ul>
 */
@Component
public class AuthorizationQueryPlugin extends AbstractProcessEnginePlugin {

  static final String USER_INDEX = "pf_idx_auth_user";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories();
    if (factories == null) {
      factories = new ArrayList<>();
      configuration.setCustomSessionFactories(factories);
    }
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new UnfilteredGroupsAuthorizationManager();
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    createUserIndex(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
  }

  static void createUserIndex(DataSource dataSource, String prefix) {
    EngineTables.createIndex(dataSource, prefix, USER_INDEX, "ACT_RU_AUTHORIZATION", "USER_ID_", "授权查询索引");
  }

  /** The engine's authorization manager, checking against all of the user's groups. */
  static class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
