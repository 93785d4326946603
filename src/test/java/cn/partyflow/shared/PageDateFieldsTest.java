package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dates on our pages are typed as yyyy-MM-dd in every browser language. The browser's own date input shows and
 * takes the browser's format (mm/dd/yyyy in an English browser), so no page uses it; the servers read ISO dates and
 * refuse anything else with a Chinese message.
 */
class PageDateFieldsTest {

  @Test
  void noPageUsesTheBrowsersDateInput() throws IOException {
    List<String> offenders;
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      offenders = templates.filter(p -> p.toString().endsWith(".html")).filter(p -> {
        try {
          return Files.readString(p).contains("type=\"date\"");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).map(Path::toString).sorted().toList();
    }
    assertThat(offenders).isEmpty();
  }
}
