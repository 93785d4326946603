package cn.partyflow.reelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.partyflow.UnitEngine;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.rectification.Notifier;
import cn.partyflow.schedule.Schedules;
import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The calendar duty reElectionReminder with the real service over stubbed tables: moving the engine clock to six
 * months before a term ends makes the morning's run remind the higher 党委, in a job per organization, once.
 */
class ReElectionReminderProcessTest {

  @RegisterExtension static ProcessEngineExtension engine = UnitEngine.extension();

  static final Organization RMYY = new Organization("rmyy", null, OrganizationKind.COMMITTEE, "县人民医院党委", true, 1);
  static final Organization NK = new Organization("rmyy-nk", "rmyy", OrganizationKind.BRANCH, "内科党支部", false, 2);
  static final Organization WK = new Organization("rmyy-wk", "rmyy", OrganizationKind.BRANCH, "外科党支部", false, 3);

  TermStore store = mock(TermStore.class);
  OrganizationDirectory directory = mock(OrganizationDirectory.class);
  Notifier notifier = mock(Notifier.class);
  String deployment;

  @BeforeEach
  void deploy() {
    ReElectionService service = new ReElectionService(store, directory, null, null, ReElectionSettings.defaults(),
        notifier);
    Mocks.register("schedules", new Schedules(
        new MockEnvironment().withProperty("partyflow.re-election.reminder-cron", "0 30 7 * * *")));
    Mocks.register("reElectionReminder", new ReElectionReminder(service));
    TermStore.Term nk = new TermStore.Term("rmyy-nk", LocalDate.of(2027, 6, 30), null, null);
    TermStore.Term wk = new TermStore.Term("rmyy-wk", LocalDate.of(2028, 6, 30), null, null);
    when(store.terms()).thenReturn(Map.of("rmyy-nk", nk, "rmyy-wk", wk));
    when(store.term("rmyy-nk")).thenReturn(Optional.of(nk));
    when(store.openCase(anyString())).thenReturn(Optional.empty());
    when(directory.organization("rmyy-nk")).thenReturn(Optional.of(NK));
    when(directory.selfAndAncestors("rmyy-nk")).thenReturn(List.of(NK, RMYY));
    when(directory.holders("rmyy", Role.ORG_DEPARTMENT)).thenReturn(List.of(person("rmyy_zzb")));
    when(directory.holders("rmyy", Role.SECRETARY)).thenReturn(List.of(person("rmyy_shuji")));
    clock(LocalDateTime.of(2026, 12, 28, 12, 0));
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/re-election/re-election-reminder.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void sixMonthsBeforeTheTermEndsTheHigherCommitteeIsReminded() {
    fireAt(LocalDateTime.of(2026, 12, 29, 7, 30));
    assertThat(reminderJobs()).isEmpty();
    verify(notifier, never()).send(anyCollection(), anyString(), any(), anyString(), anyString());

    fireAt(LocalDateTime.of(2026, 12, 30, 7, 30));
    List<Job> jobs = reminderJobs();
    assertThat(jobs).hasSize(1);
    jobs.forEach(j -> management().executeJob(j.getId()));
    verify(notifier).send(eq(List.of("rmyy_zzb", "rmyy_shuji")), eq("re-reminder"), eq(null),
        contains("内科党支部任期将于2027-06-30届满"), contains("须经县人民医院党委批准"));
    verify(store).reminded("rmyy-nk", LocalDate.of(2027, 6, 30));
  }

  @Test
  void aTermAlreadyRemindedIsNotRemindedAgain() {
    TermStore.Term reminded = new TermStore.Term("rmyy-nk", LocalDate.of(2027, 6, 30), null,
        LocalDate.of(2027, 6, 30));
    when(store.terms()).thenReturn(Map.of("rmyy-nk", reminded));
    fireAt(LocalDateTime.of(2026, 12, 29, 7, 30));
    fireAt(LocalDateTime.of(2026, 12, 30, 7, 30));
    assertThat(reminderJobs()).isEmpty();
    verify(store, never()).reminded(anyString(), any());
  }

  private List<Job> reminderJobs() {
    return management().createJobQuery().processDefinitionKey(ReElection.REMINDER_KEY)
        .activityId(ReElection.REMIND).list();
  }

  private void fireAt(LocalDateTime at) {
    clock(at.plusSeconds(1));
    Job timer = management().createJobQuery().processDefinitionKey(ReElection.REMINDER_KEY).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(ChinaClock.toDate(at));
    management().executeJob(timer.getId());
  }

  private static Person person(String username) {
    return new Person(username, username, "男", null, null, "rmyy", username, null, null, null, null, null, null, null,
        false);
  }

  private ManagementService management() {
    return engine.getManagementService();
  }

  private static void clock(LocalDateTime at) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(at));
  }
}
