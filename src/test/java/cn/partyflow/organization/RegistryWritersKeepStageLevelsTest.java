package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class that writes people or organizations also keeps the pipeline counted per level
 * ({@link PersonStageLevels}): a large scope's home reads only those counts, so a writer that forgets shows stale
 * figures to a province's secretary. A writer of people reports each move or counts anew; a writer of the tree
 * counts anew (the organizations it changed and those above them), as every person counts at each organization above
 * his own.
 */
class RegistryWritersKeepStageLevelsTest {

  @Test
  void everyWriterOfPeopleReportsTheMovesOrCountsAnew() {
    assertThat(writers("pf_person")).isNotEmpty().allSatisfy(f -> assertThat(read(f)).as(f.toString())
        .contains("PersonStageLevels").containsPattern("\\.(moved|recount|rebuild)\\("));
  }

  @Test
  void everyWriterOfTheTreeCountsAnew() {
    assertThat(writers("pf_organization")).isNotEmpty().allSatisfy(f -> assertThat(read(f)).as(f.toString())
        .contains("PersonStageLevels").containsPattern("\\.(recount|rebuild)\\("));
  }

  /** The dues and rectification figures kept per subtree ({@link SubtreeFigures}) move with the tree as well. */
  @Test
  void everyWriterOfTheTreeCountsTheOtherSubtreeFiguresAnew() {
    assertThat(writers("pf_organization")).isNotEmpty().allSatisfy(f -> assertThat(read(f)).as(f.toString())
        .contains("SubtreeFigures::rebuild"));
  }

  private static List<Path> writers(String table) {
    Pattern write = Pattern.compile("(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+" + table + "\\b",
        Pattern.CASE_INSENSITIVE);
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn"))) {
      return files.filter(f -> f.toString().endsWith(".java")).filter(f -> write.matcher(read(f)).find()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
