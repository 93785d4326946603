package cn.partyflow.schedule;

import cn.partyflow.shared.StartupLock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the timers of the calendar duties in step with the settings. The engine evaluates a timer start event's
 * cycle once, when the process is deployed, and stores the cron in the timer job; an unchanged BPMN is never
 * redeployed, so a cron changed in the settings would otherwise never reach the job. At every start each timer start
 * job whose cron differs from what its expression now gives is rescheduled to the new cron. The job is updated in
 * place under the engine's optimistic lock, so nodes starting together cannot create a second timer; a job being
 * executed at that moment is left alone and follows the new cron from the next start.
 */
@Component
class ScheduleSync {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleSync.class);

  private final ProcessEngine engine;

  private final StartupLock startupLock;

  ScheduleSync(ProcessEngine engine, StartupLock startupLock) {
    this.engine = engine;
    this.startupLock = startupLock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStartup() {
    startupLock.exclusively(() -> {
      int changed = sync();
      if (changed > 0) {
        LOG.info("Rescheduled {} calendar duties to the cron in the settings", changed);
      }
    });
  }

  /** Reschedules every timer start job whose cron differs from its expression's value; returns how many. */
  int sync() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int changed = 0;
    for (JobDefinition definition : engine.getManagementService().createJobDefinitionQuery()
        .jobType(TimerStartEventJobHandler.TYPE).list()) {
      for (Job job : engine.getManagementService().createJobQuery().jobDefinitionId(definition.getId()).list()) {
        try {
          if (configuration.getCommandExecutorTxRequired().execute(reschedule(job.getId()))) {
            changed++;
          }
        } catch (OptimisticLockingException another) {
          LOG.debug("Timer {} was changed by another node meanwhile", job.getId());
        }
      }
    }
    return changed;
  }

  private static Command<Boolean> reschedule(String jobId) {
    return context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      if (!(job instanceof TimerEntity timer) || timer.getRepeat() == null || timer.getRepeat().startsWith("R")
          || locked(timer)) {
        return false;
      }
      TimerDeclarationImpl declaration = declaration(context.getProcessEngineConfiguration(), timer);
      if (declaration == null) {
        return false;
      }
      String repeat = timer.getRepeat();
      Date due = timer.getDuedate();
      declaration.updateJob(timer);
      if (Objects.equals(repeat, timer.getRepeat())) {
        timer.setDuedate(due);
        return false;
      }
      LOG.info("Calendar duty {}: cron {} -> {}, next run {}", timer.getProcessDefinitionKey(), repeat,
          timer.getRepeat(), timer.getDuedate());
      return true;
    };
  }

  private static boolean locked(TimerEntity timer) {
    return timer.getLockOwner() != null && timer.getLockExpirationTime() != null
        && timer.getLockExpirationTime().after(ClockUtil.getCurrentTime());
  }

  @SuppressWarnings("unchecked")
  private static TimerDeclarationImpl declaration(ProcessEngineConfigurationImpl configuration, TimerEntity timer) {
    ProcessDefinitionEntity definition = configuration.getDeploymentCache()
        .findDeployedProcessDefinitionById(timer.getProcessDefinitionId());
    List<TimerDeclarationImpl> declarations =
        (List<TimerDeclarationImpl>) definition.getProperty(BpmnParse.PROPERTYNAME_START_TIMER);
    if (declarations == null) {
      return null;
    }
    return declarations.stream().filter(d -> Objects.equals(d.getJobDefinitionId(), timer.getJobDefinitionId()))
        .findFirst().orElse(null);
  }
}
