package cn.partyflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The calendar duties in the running application, on PostgreSQL. */
@PostgresTest
class CalendarDutiesTest {

  static final List<String> DUTIES = List.of("duesCollectionDay", "rectificationDigest", "reElectionReminder");

  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  @Autowired DuesCollectionService collections;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationContext context;

  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    made.remove(context);
  }

  @Test
  void eachDutyHasOneTimerOnTheCronOfItsSettingAndIsNotOfferedInTasklist() {
    assertThat(cron("duesCollectionDay")).isEqualTo("0 0 7 * * *");
    assertThat(cron("rectificationDigest")).isEqualTo("0 0 8 * * *");
    assertThat(cron("reElectionReminder")).isEqualTo("0 30 7 * * *");
    for (String duty : DUTIES) {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(duty).latestVersion()
          .singleResult().isStartableInTasklist()).as(duty).isFalse();
    }
  }

  /**
   * Refused on both start endpoints, with nothing started. Tasklist's form start (submit-form) answers 400; the plain
   * start answers whatever the REST API makes of a rule violation (400 once the rule-message filter is in place).
   */
  @Test
  void anOfficerCannotStartACalendarDutyOverRest() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate officer = http.withBasicAuth("rmyy_dangban", "demo");
    for (String duty : DUTIES) {
      long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(duty).count();
      ResponseEntity<String> form = officer.postForEntity("/engine-rest/process-definition/key/" + duty
          + "/submit-form", new HttpEntity<>("{\"variables\":{}}", headers), String.class);
      assertThat(form.getStatusCode().is4xxClientError()).as(duty + ": " + form.getBody()).isTrue();
      assertThat(form.getBody()).contains("由系统按", "不能");
      ResponseEntity<String> start = officer.postForEntity("/engine-rest/process-definition/key/" + duty + "/start",
          new HttpEntity<>("{}", headers), String.class);
      assertThat(start.getStatusCode().is2xxSuccessful()).as(duty).isFalse();
      assertThat(start.getBody()).contains("由系统按", "不能");
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(duty).count()).isEqualTo(before);
    }
  }

  /**
   * The schedule and an officer start the same branch-month at once: the first start's case is not committed yet,
   * so the second passes the history check, and the database stops it at the month's row.
   */
  @Test
  void twoStartsOfTheSameCollectionMonthAtOnceStartOneCase() throws Exception {
    String branch = approvedBranch();
    // On the month's collection day, when the schedule starts it.
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2027, 5, 20, 7, 0).atZone(ChinaClock.ZONE).toInstant()));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch firstStarted = new CountDownLatch(1);
      CountDownLatch commitFirst = new CountDownLatch(1);
      Future<String> first = pool.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
        String id = collections.start(branch, "2027-05");
        firstStarted.countDown();
        await(commitFirst);
        return id;
      }));
      assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Object> second = pool.submit(() -> {
        try {
          return collections.start(branch, "2027-05");
        } catch (RuleViolation refused) {
          return refused;
        }
      });
      awaitABlockedWriter();
      commitFirst.countDown();

      assertThat(first.get(30, TimeUnit.SECONDS)).isNotBlank();
      assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(RuleViolation.class)
          .extracting(v -> ((RuleViolation) v).getMessage()).asString().endsWith("2027-05党费收缴已经开始");
      assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("duesCollection")
          .processInstanceBusinessKey(branch + ":2027-05").count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private String cron(String duty) {
    List<Job> timers = management.createJobQuery().processDefinitionKey(duty).timers().list();
    assertThat(timers).as(duty).hasSize(1);
    return ((TimerEntity) timers.get(0)).getRepeat();
  }

  /** A branch of its own with one member whose 2027 amount is approved. */
  private String approvedBranch() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String branch = "duty-" + tag;
    String person = "Y" + tag;
    made.organization(branch);
    made.person(person);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 99)", branch, "收缴日测试党支部" + tag);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
        + " on_probation_discipline) values (?, ?, '女', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
        + " false)", person, "收" + tag, branch);
    jdbc.update("insert into pf_dues_assessment (assess_year, branch_id, person_id, category, regular_income, tax,"
        + " excluded, base, rate, computed_amount, amount, rule_text, status, effective_from)"
        + " values (2027, ?, ?, 'EMPLOYED', 5000, 0, 0, 5000, 0.01, 50.00, 50.00, '测试', 'APPROVED', '2027-01')",
        branch, person);
    return branch;
  }

  /** Until a session waits for a row lock: the second start is held at the month's row. */
  private void awaitABlockedWriter() throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(until)) {
      Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'",
          Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the second start never waited for the first");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
