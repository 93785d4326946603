package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnualWordingTest {

  @TempDir Path dir;

  final Map<String, Object> numbers = new HashMap<>(Map.of("applications", 3, "activists", 18, "targets", 6,
      "admitted", 5, "convertedOnTime", 4, "convertedLate", 0, "extended", 0, "cancelled", 0));

  @Test
  void fillsTheNumbersIntoTheDefaultSentences() {
    assertThat(new AnnualWording("").sentences(numbers)).anyMatch(s -> s.section().equals("development")
        && s.text().contains("全年共收到入党申请3份，确定入党积极分子18名、发展对象6名，接收预备党员5名，4名预备党员按期转正"));
  }

  @Test
  void leavesOutASentenceWhoseNumbersAreAllZero() {
    assertThat(new AnnualWording("").sentences(numbers)).noneMatch(s -> s.key().equals("development.changes"));
    numbers.put("cancelled", 1);
    assertThat(new AnnualWording("").sentences(numbers)).anyMatch(s -> s.key().equals("development.changes"));
  }

  @Test
  void anAdministratorsFileOverridesAnEntryAndKeepsTheRest() throws Exception {
    Files.writeString(dir.resolve(AnnualWording.FILE), "development=本年度发展党员{admitted}名，积极分子{activists}名。\n",
        StandardCharsets.UTF_8);
    AnnualWording wording = new AnnualWording(dir.toString());
    assertThat(wording.sentences(numbers)).anyMatch(s -> s.text().equals("本年度发展党员5名，积极分子18名。"));
    assertThat(wording.title(Map.of("year", 2025))).isEqualTo("2025年度党建工作数据报告");
  }

  @Test
  void anUnknownNameStaysAsWritten() {
    assertThat(AnnualWording.fill("共{members}名，{memebrs}", Map.of("members", 9))).isEqualTo("共9名，{memebrs}");
  }
}
