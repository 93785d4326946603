package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes' start-up work on one PostgreSQL runs one after the other: while one holds the lock, the other's work
 * waits, and starts as soon as the first is done.
 */
@PostgresTest
class StartupLockPostgresTest {

  @Autowired StartupLock lock;

  @Test
  void aSecondNodesStartupWorkWaitsUntilTheFirstIsDone() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch firstHolds = new CountDownLatch(1);
      CountDownLatch firstMayFinish = new CountDownLatch(1);
      AtomicBoolean firstDone = new AtomicBoolean();
      Future<?> first = nodes.submit(() -> lock.exclusively(() -> {
        firstHolds.countDown();
        await(firstMayFinish);
        firstDone.set(true);
      }));
      assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();

      CountDownLatch secondRan = new CountDownLatch(1);
      AtomicBoolean secondSawFirstDone = new AtomicBoolean();
      Future<?> second = nodes.submit(() -> lock.exclusively(() -> {
        secondSawFirstDone.set(firstDone.get());
        secondRan.countDown();
      }));
      assertThat(secondRan.await(2, TimeUnit.SECONDS)).as("the second node's work while the first holds the lock")
          .isFalse();

      firstMayFinish.countDown();
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
      assertThat(secondSawFirstDone).isTrue();
    } finally {
      nodes.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
