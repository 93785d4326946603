package cn.partyflow.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What became of a list handed over through {@link ProblemListHandover}, read by the procedure that handed it over
 * (述职评议 shows it in next year's report): the case's stage and each item's status. A case still at its
 * registration has no row yet.
 */
@Component
public class RectificationProgress {

  /** One item as the source procedure shows it. */
  public record Item(int seq, String problem, String status, LocalDate deadline) {}

  /** The case: its stage (方案拟定, 整改中, …), its items, how many are closed (已销号). */
  public record Progress(String stage, List<Item> items, long closed) {}

  private final JdbcTemplate jdbc;

  RectificationProgress(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The progress of the case started as {@code processInstanceId}; empty while its list is not registered. */
  public Optional<Progress> ofCase(String processInstanceId) {
    List<String> stage = jdbc.queryForList("select status from pf_rectification_case where process_instance_id = ?",
        String.class, processInstanceId);
    if (stage.isEmpty()) {
      return Optional.empty();
    }
    List<Item> items = jdbc.query("select i.seq, i.problem, i.status, i.deadline from pf_rectification_item i"
        + " join pf_rectification_case c on c.id = i.case_id where c.process_instance_id = ? order by i.seq",
        (rs, n) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()), processInstanceId);
    return Optional.of(new Progress(stage.get(0), items,
        items.stream().filter(i -> Rectification.CLOSED.equals(i.status())).count()));
  }
}
