package cn.partyflow.organization;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How a procedure records that a person reached a stage of party membership: the registry's status and stage dates,
 * written here because pf_person is this module's table. Runs in the caller's transaction (the engine's, for a
 * task), so a refused task leaves the registry as it was.
 */
@Service
public class PersonStages {

  /** The stage dates the registry keeps for each person. */
  public enum Stage {
    APPLICATION("application_date"),
    ACTIVIST("activist_date"),
    TARGET("target_date"),
    ADMISSION("admission_date"),
    FULL_MEMBER("full_member_date");

    private final String column;

    Stage(String column) {
      this.column = column;
    }
  }

  private final JdbcTemplate jdbc;
  private final PersonStageLevels levels;

  PersonStages(JdbcTemplate jdbc, PersonStageLevels levels) {
    this.jdbc = jdbc;
    this.levels = levels;
  }

  /** Holds the person's row until the transaction ends, so two cases cannot move one person at once. */
  public void lock(String personId) {
    jdbc.queryForList("select id from pf_person where id = ? for update", String.class, personId);
  }

  /** Sets the person's status and the given stage dates (a null date clears it). */
  public void recordStage(String personId, MemberStatus status, Map<Stage, LocalDate> dates) {
    // Read under the row's lock, so the stage left is the one the kept pipeline counts the person at.
    Map<String, Object> before = jdbc.queryForList("select status, org_id from pf_person where id = ? for update",
        personId).stream().findFirst().orElse(null);
    StringBuilder sql = new StringBuilder("update pf_person set status = ?");
    List<Object> args = new ArrayList<>(List.of(status.name()));
    List<Integer> types = new ArrayList<>(List.of(Types.VARCHAR));
    dates.forEach((stage, date) -> {
      sql.append(", ").append(stage.column).append(" = ?");
      args.add(date == null ? null : Date.valueOf(date));
      types.add(Types.DATE);
    });
    sql.append(" where id = ?");
    args.add(personId);
    types.add(Types.VARCHAR);
    if (jdbc.update(sql.toString(), args.toArray(), types.stream().mapToInt(Integer::intValue).toArray()) > 0
        && before != null) {
      String orgId = (String) before.get("org_id");
      // A status the registry holds under no known name was never counted, as the rebuild counts names only.
      MemberStatus was = Arrays.stream(MemberStatus.values()).filter(m -> m.name().equals(before.get("status")))
          .findFirst().orElse(null);
      levels.moved(orgId, was, orgId, status);
    }
  }
}
