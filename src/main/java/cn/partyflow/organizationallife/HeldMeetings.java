package cn.partyflow.organizationallife;

import cn.partyflow.shared.SqlScope;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The meetings recorded by branches in a period, for the statistics of other modules (the reports' 组织生活 table):
 * one set-based read of {@code pf_ol_meeting}, with the attendance counts the meeting's record keeps.
 */
@Component
public class HeldMeetings {

  /** One recorded meeting: its type and day, and how many were entitled and present. */
  public record Held(long id, String branchId, MeetingType type, LocalDate heldOn, String topic, int entitled,
      int present) {

    /** The meeting's page, where its record, attendance and minutes are. */
    public String href() {
      return "/organizational-life/" + branchId + "/meetings/" + id;
    }
  }

  private final JdbcTemplate jdbc;

  HeldMeetings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The meetings of the branches held from {@code from} to {@code to} (both included), by day. */
  public List<Held> between(Collection<String> branchIds, LocalDate from, LocalDate to) {
    if (branchIds.isEmpty()) {
      return List.of();
    }
    return jdbc.query("select id, branch_id, meeting_type, held_on, topic, entitled, present from pf_ol_meeting"
            + " where " + SqlScope.anyOf("branch_id") + " and held_on >= ? and held_on <= ? order by held_on, id",
        (rs, i) -> new Held(rs.getLong("id"), rs.getString("branch_id"), MeetingType.valueOf(rs.getString(
            "meeting_type")), rs.getDate("held_on").toLocalDate(), rs.getString("topic"), rs.getInt("entitled"),
            rs.getInt("present")), SqlScope.ids(branchIds), Date.valueOf(from), Date.valueOf(to));
  }
}
