package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class that writes the ledger also tells {@link DuesMonthTotals} which months it changed: the home's and the
 * dues pages' figures are read from the kept totals only, so a writer that forgets shows stale figures.
 */
class LedgerWritersKeepTotalsTest {

  private static final Pattern WRITE =
      Pattern.compile("(insert\\s+into|update|delete\\s+from)\\s+pf_dues_ledger\\b", Pattern.CASE_INSENSITIVE);

  @Test
  void everyWriterOfTheLedgerReportsTheMonthsItChanged() throws IOException {
    List<Path> writers;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> WRITE.matcher(read(f)).find())
          .toList();
    }
    assertThat(writers).isNotEmpty();
    assertThat(writers).allSatisfy(f -> assertThat(read(f)).as(f.toString()).contains("DuesMonthTotals")
        .containsPattern("\\.changed\\("));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
