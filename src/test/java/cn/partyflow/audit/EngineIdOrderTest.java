package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;

/**
 * The case page tells a person's cleared value from a listener's by the order the engine handed out the ids of the
 * value and of the task's completion: the order must be readable from both id generators the engine has.
 */
class EngineIdOrderTest {

  @Test
  void theEnginesTimeBasedIdsAreReadInTheOrderTheyWereHandedOut() {
    StrongUuidGenerator ids = new StrongUuidGenerator();
    String first = ids.getNextId();
    String second = ids.getNextId();
    assertThat(CaseHistory.generatedBefore(first, second)).contains(true);
    assertThat(CaseHistory.generatedBefore(second, first)).contains(false);
  }

  @Test
  void theDatabaseCountersIdsAreComparedAsNumbersNotAsText() {
    assertThat(CaseHistory.generatedBefore("99", "100")).contains(true);
    assertThat(CaseHistory.generatedBefore("100", "99")).contains(false);
  }

  @Test
  void idsWhoseOrderCannotBeReadAreUnknown() {
    assertThat(CaseHistory.generatedBefore("9f0c6a2e-3c1d-4b8e-9a57-0d7f3c2b1a00", "9f0c6a2e-3c1d-4b8e-9a57-0d7f3c2b1a01"))
        .isEmpty();
    assertThat(CaseHistory.generatedBefore("abc", "12")).isEmpty();
    assertThat(CaseHistory.generatedBefore(null, "12")).isEmpty();
  }
}
