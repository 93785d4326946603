package cn.partyflow.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications sent about a case, from pf_notification where another feature keeps them. Shown only where that
 * table has a process_instance_id column; its presence is checked once at run time (tables only change with a
 * migration, at startup) and the columns are shown as they are.
 */
@Component
class Notifications {

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private volatile Boolean present;

  Notifications(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  List<Map<String, Object>> ofCase(String processInstanceId) {
    if (!present()) {
      return List.of();
    }
    try {
      return jdbc.queryForList("select * from pf_notification where process_instance_id = ? order by 1",
          processInstanceId);
    } catch (DataAccessException e) {
      return List.of();
    }
  }

  private boolean present() {
    if (present == null) {
      present = tableExists();
    }
    return present;
  }

  /** The table must exist and say which case a notification was about. */
  private boolean tableExists() {
    try (Connection c = dataSource.getConnection()) {
      for (String[] names : new String[][] {{"pf_notification", "process_instance_id"},
          {"PF_NOTIFICATION", "PROCESS_INSTANCE_ID"}}) {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, names[0], names[1])) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    } catch (SQLException e) {
      return false;
    }
  }
}
