package cn.partyflow.audit;

import cn.partyflow.shared.ChinaClock;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Who looked at whose file, when, and what they took away: every search, case view and export is recorded. */
@Service
class AccessLog {

  enum Action {
    SEARCH("查询案卷"),
    VIEW("查看案卷"),
    EXPORT_PDF("导出案卷PDF"),
    EXPORT_XLSX("导出查询结果"),
    DENIED("越权访问被拒绝");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  /** One look; {@code name} is the person's name from the registry, null for a login without one. */
  record Entry(Date time, String username, String name, String action, String processInstanceId, String detail) {

    /**
     * Who looked, as a reader knows them: the name, the administrator's account as 系统管理员 (it has no person), or
     * for another login outside the registry the login.
     */
    public String person() {
      return name != null ? name : "admin".equals(username) ? "系统管理员" : username;
    }
  }

  private static final Map<String, String> LABELS = Map.of(
      Action.SEARCH.name(), Action.SEARCH.label, Action.VIEW.name(), Action.VIEW.label,
      Action.EXPORT_PDF.name(), Action.EXPORT_PDF.label, Action.EXPORT_XLSX.name(), Action.EXPORT_XLSX.label,
      Action.DENIED.name(), Action.DENIED.label);

  private final JdbcTemplate jdbc;

  AccessLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(String username, Action action, String processInstanceId, String detail) {
    jdbc.update("insert into pf_audit_access_log (accessed_at, username, action, process_instance_id, detail)"
            + " values (?, ?, ?, ?, ?)", Timestamp.from(ChinaClock.now()), username, action.name(), processInstanceId,
        detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
  }

  /** The looks taken at one case, oldest first. */
  List<Entry> ofCase(String processInstanceId) {
    return jdbc.query("select l.accessed_at, l.username, p.name, l.action, l.process_instance_id, l.detail"
            + " from pf_audit_access_log l left join pf_person p on p.username = l.username"
            + " where l.process_instance_id = ? order by l.id",
        (rs, i) -> new Entry(rs.getTimestamp(1), rs.getString(2), rs.getString(3), LABELS.getOrDefault(rs.getString(4),
            rs.getString(4)), rs.getString(5), rs.getString(6)), processInstanceId);
  }
}
