package cn.partyflow.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The statistics of one organization (with everything below it) for one period, as read at {@code asOf}. */
record Report(String orgId, String orgName, Period period, LocalDate asOf, List<Section> sections, Figures figures) {

  record Section(String id, String title, List<ReportTable> tables) {}

  Optional<ReportTable> table(String id) {
    return sections.stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst();
  }
}
