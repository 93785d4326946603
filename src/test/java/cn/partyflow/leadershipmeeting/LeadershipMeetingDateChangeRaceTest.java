package cn.partyflow.leadershipmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.RuleViolation;
import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two date-change requests of one 民主生活会 sent at the same instant: each transaction's "one at a time" check reads
 * before either has written, so only the database can keep the second out (V140, {@code waiting_case}). Here the
 * second transaction writes while the first, its request written, has not committed yet.
 */
@PostgresTest
class LeadershipMeetingDateChangeRaceTest {

  private static final String PI = "lm-date-change-race";
  private static final LocalDate PLANNED = LocalDate.of(1990, 12, 10);

  @Autowired LeadershipMeetingStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void aCaseWithAnApprovedPlan() {
    jdbc.update("insert into pf_lm_case (process_instance_id, org_id, meeting_year, started_on, planned_date,"
        + " plan_approved_on) values (?, 'rmyy', 1990, ?, ?, ?)", PI, Date.valueOf(PLANNED.minusMonths(2)),
        Date.valueOf(PLANNED), Date.valueOf(PLANNED.minusMonths(1)));
  }

  @AfterEach
  void removeIt() {
    jdbc.update("delete from pf_lm_date_change where process_instance_id = ?", PI);
    jdbc.update("delete from pf_lm_case where process_instance_id = ?", PI);
  }

  @Test
  void aSecondRequestSentWhileTheFirstIsUncommittedIsRefusedByTheDatabase() throws Exception {
    CountDownLatch firstWritten = new CountDownLatch(1);
    CountDownLatch secondTried = new CountDownLatch(1);
    CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
      long id = store.dateChangeRequested(PI, PLANNED, PLANNED.plusDays(5), "推迟", "rmyy_shuji", refusal());
      firstWritten.countDown();
      await(secondTried);
      return id;
    }));
    await(firstWritten);
    CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> transactions.execute(s ->
        store.dateChangeRequested(PI, PLANNED, PLANNED.minusDays(3), "提前", "rmyy_zzb", refusal())));
    // The second insert waits for the first transaction's key; let the first commit once the second is under way.
    Thread.sleep(500);
    secondTried.countDown();

    long id = first.get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RuleViolation.class)
        .hasMessageContaining("已有一份改期申请等待上级党组织答复");
    assertThat(store.dateChanges(PI)).extracting(LeadershipMeetingStore.DateChange::id).containsExactly(id);

    // Once answered, the next request may wait.
    store.dateChangeDecided(PI, id, false, "不同意", "wjj_shuji");
    long next = store.dateChangeRequested(PI, PLANNED, PLANNED.plusDays(7), "再次推迟", "rmyy_shuji", refusal());
    assertThat(store.pendingDateChange(PI)).map(LeadershipMeetingStore.DateChange::id).contains(next);
  }

  private static RuleViolation refusal() {
    return new RuleViolation("leadershipMeeting.dateChange.pending", "已有一份改期申请等待上级党组织答复");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
