package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.RuleConflict;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two month closes of one branch at once (two confirmations of receipt for consecutive months) each check the
 * arrears before either has committed: both see no case for the member's run of unpaid months. The run's claim row
 * lets the first open the talk case and refuses the second with a conflict, so the member gets one case.
 */
@PostgresTest
class DuesArrearsOnceTest {

  static final String BRANCH = "rmyy-wk";

  @Autowired DuesArrearsService arrears;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  final String person = "AR" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

  @AfterEach
  void remove() {
    for (String pi : jdbc.queryForList("select process_instance_id from pf_dues_arrears_case where person_id = ?",
        String.class, person)) {
      if (pi != null && runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
        runtime.deleteProcessInstance(pi, "test finished");
      }
    }
    jdbc.update("delete from pf_dues_arrears_case where person_id = ?", person);
    jdbc.update("delete from pf_dues_case_start where business_key like ?", "%:" + person + ":%");
    jdbc.update("delete from pf_dues_ledger where person_id = ?", person);
    jdbc.update("delete from pf_person where id = ?", person);
  }

  @Test
  void twoClosesAtOnceOpenOneTalkCase() throws Exception {
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        person, "欠缴测试", "男", Date.valueOf("1980-01-01"), "FULL_MEMBER", BRANCH);
    for (String period : List.of("2041-01", "2041-02", "2041-03")) {
      jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, due, paid) values (?, ?, ?, ?, ?, ?)",
          BRANCH, period, person, new BigDecimal("5000.00"), new BigDecimal("50.00"), BigDecimal.ZERO);
    }
    TransactionTemplate tx = new TransactionTemplate(transactions);
    CountDownLatch firstChecked = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);

    CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
      List<Long> opened = arrears.check(BRANCH, "2041-03");
      firstChecked.countDown();
      await(commitFirst);
      return opened;
    }));
    assertThat(firstChecked.await(60, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
      try {
        return tx.execute(s -> arrears.check(BRANCH, "2041-03"));
      } catch (RuleConflict refused) {
        return refused;
      }
    });
    Thread.sleep(1500);
    commitFirst.countDown();

    assertThat(first.get(60, TimeUnit.SECONDS)).hasSize(1);
    Object outcome = second.get(60, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOfSatisfying(RuleConflict.class, refused ->
        assertThat(refused.getMessage()).contains("欠缴测试").contains("请重新提交"));
    assertThat(jdbc.queryForObject("select count(*) from pf_dues_arrears_case where person_id = ?", Integer.class,
        person)).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(DuesProcesses.ARREARS)
        .processInstanceBusinessKey(BRANCH + ":" + person + ":TALK:2041-01").count()).isEqualTo(1);
    assertThat(arrears.check(BRANCH, "2041-03")).as("submitted again, the case is found").isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
