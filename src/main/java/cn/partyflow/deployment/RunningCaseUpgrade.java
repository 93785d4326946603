package cn.partyflow.deployment;

import cn.partyflow.shared.StartupLock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Running cases follow the newest version of their process. A case keeps the definition it was started on, and an
 * older definition calls beans by the names of its day ({@code ${memberDevelopmentValidation}},
 * {@code ${rectification.savePlan(task)}}) that no longer exist, so its next step would fail. At every start, after
 * the deployment, each case on an older version of a process is migrated (Camunda's migration API) to the latest
 * version of the same key, activity by activity of the same id: it waits where it waited, its variables, tasks and
 * timers (with their due dates) kept, and its next steps run the latest listeners and forms. Listeners are not run
 * by the migration itself. A case waiting at an activity the latest version no longer has cannot be moved; it stays
 * where it is and is named in the log, for an operator to move with the migration REST API.
 */
@Component
public class RunningCaseUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(RunningCaseUpgrade.class);

  private final ProcessEngine engine;

  private final StartupLock startupLock;

  RunningCaseUpgrade(ProcessEngine engine, StartupLock startupLock) {
    this.engine = engine;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    startupLock.exclusively(this::upgradeRunningCases);
  }

  private void upgradeRunningCases() {
    Result result = upgrade(engine);
    if (result.moved() > 0 || result.left() > 0) {
      LOG.info("Running cases moved to the latest version of their process: {}; left on their version: {}",
          result.moved(), result.left());
    }
  }

  /** How many cases were moved to the latest version, and how many could not be. */
  public record Result(int moved, int left) {}

  /** Moves every case on an older version of a process to the latest version of the same key. */
  public static Result upgrade(ProcessEngine engine) {
    RepositoryService repository = engine.getRepositoryService();
    RuntimeService runtime = engine.getRuntimeService();
    int moved = 0;
    int left = 0;
    for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
      List<ProcessDefinition> older = repository.createProcessDefinitionQuery()
          .processDefinitionKey(latest.getKey()).list().stream()
          .filter(d -> d.getVersion() < latest.getVersion()
              && java.util.Objects.equals(d.getTenantId(), latest.getTenantId()))
          .toList();
      for (ProcessDefinition definition : older) {
        List<String> cases = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).list()
            .stream().map(ProcessInstance::getId).toList();
        if (cases.isEmpty()) {
          continue;
        }
        MigrationPlan plan;
        try {
          plan = runtime.createMigrationPlan(definition.getId(), latest.getId()).mapEqualActivities().build();
        } catch (ProcessEngineException unmappable) {
          LOG.warn("Cases of {} stay on version {}: no migration to version {} ({})", definition.getKey(),
              definition.getVersion(), latest.getVersion(), unmappable.getMessage());
          left += cases.size();
          continue;
        }
        try {
          migrate(runtime, plan, cases);
          moved += cases.size();
        } catch (ProcessEngineException oneCannotMove) {
          // All or nothing per call: move them one by one, so one case stuck where the latest version has no
          // activity keeps none of the others back. A case another node moved meanwhile (or that ended) is skipped.
          for (String id : cases) {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).processDefinitionId(definition.getId())
                .count() == 0) {
              continue;
            }
            try {
              migrate(runtime, plan, List.of(id));
              moved++;
            } catch (ProcessEngineException e) {
              LOG.warn("Case {} of {} stays on version {}: {}", id, definition.getKey(), definition.getVersion(),
                  e.getMessage());
              left++;
            }
          }
        }
      }
    }
    return new Result(moved, left);
  }

  private static void migrate(RuntimeService runtime, MigrationPlan plan, List<String> cases) {
    runtime.newMigration(plan).processInstanceIds(cases).skipCustomListeners().skipIoMappings().execute();
  }
}
