package cn.partyflow.audit;

import cn.partyflow.shared.StartupLock;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every deployed process definition, old versions included, the history time to live the settings require, so
 * that the nightly history cleanup never removes a file that must still be kept. A BPMN's own value is only a
 * fallback: the settings win, because retention is a records rule, not a modelling choice.
 */
@Component
class RetentionPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionPolicy.class);

  private final RepositoryService repository;
  private final AuditSettings settings;

  private final StartupLock startupLock;

  RetentionPolicy(RepositoryService repository, AuditSettings settings, StartupLock startupLock) {
    this.startupLock = startupLock;
    this.repository = repository;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStartup() {
    startupLock.exclusively(() -> {
      int changed = apply();
      if (changed > 0) {
        LOG.info("History time to live set on {} process definitions", changed);
      }
    });
  }

  /** Sets the configured period on every definition that differs; returns how many were changed. */
  int apply() {
    int changed = 0;
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
      int days = settings.retentionDaysFor(d.getKey());
      if (d.getHistoryTimeToLive() == null || d.getHistoryTimeToLive() != days) {
        repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), days);
        changed++;
      }
    }
    return changed;
  }
}
