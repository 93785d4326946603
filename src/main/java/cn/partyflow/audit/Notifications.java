package cn.partyflow.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notifications sent about a case, from pf_notification where another feature keeps them. Shown only where that
 * table has a process_instance_id column; its presence is checked once at run time (tables only change with a
 * migration, at startup). Read as a case file reads: the recipient by name, the channel and the outcome in words; the
 * mail server's own error text (an exception, a host and port) stays in the log and the table.
 */
@Component
class Notifications {

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final OrganizationDirectory directory;
  private volatile Boolean present;

  Notifications(JdbcTemplate jdbc, DataSource dataSource, OrganizationDirectory directory) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.directory = directory;
  }

  List<CaseFile.Notice> ofCase(String processInstanceId) {
    if (!present()) {
      return List.of();
    }
    try {
      return jdbc.query("select sent_at, recipient_user, channel, subject, delivered, error from pf_notification"
          + " where process_instance_id = ? order by sent_at, id", (rs, i) -> new CaseFile.Notice(
          rs.getTimestamp("sent_at"), recipient(rs.getString("recipient_user")), channel(rs.getString("channel")),
          rs.getString("subject"), outcome(rs.getBoolean("delivered"), rs.getString("error"))), processInstanceId);
    } catch (DataAccessException e) {
      return List.of();
    }
  }

  private String recipient(String login) {
    if (login == null || login.isBlank()) {
      return "";
    }
    return directory.personByUsername(login).map(Person::name).orElse("admin".equals(login) ? "系统管理员" : "（已不在册的账号）");
  }

  static String channel(String channel) {
    return "email".equals(channel) ? "电子邮件" : channel == null ? "" : channel;
  }

  /** Delivered, or why not in words: the failures the notifier records are a missing address or a refused send. */
  static String outcome(boolean delivered, String error) {
    if (delivered) {
      return "已送达";
    }
    if (error == null || error.isBlank()) {
      return "未送达";
    }
    if (error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
        && !error.contains("Exception")) {
      return "未送达：" + error;
    }
    return "未送达：发送失败（邮件服务器未连接或拒收），详见系统日志";
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
