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
 * The notifications sent about a case, from pf_notification where another feature keeps them. The table may not
 * exist (no feature sends notifications yet), so its presence is checked once at run time (tables only appear with a
 * migration, at startup) and its columns are shown as they are.
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

  private boolean tableExists() {
    try (Connection c = dataSource.getConnection()) {
      for (String name : List.of("pf_notification", "PF_NOTIFICATION")) {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
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
