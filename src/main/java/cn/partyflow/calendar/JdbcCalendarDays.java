package cn.partyflow.calendar;

import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar table, read once and kept in memory. An administrator adds a new year's State Council notice
 * through {@link #importDays}, without a rebuild.
 */
@Component
class JdbcCalendarDays implements CalendarDays {

  private static final Map<String, String> COLUMNS = Map.of(
      "date", "date", "日期", "date", "off_day", "off_day", "放假", "off_day", "name", "name", "名称", "name");

  private final JdbcTemplate jdbc;
  private final SheetReader sheets;
  private volatile Map<LocalDate, Boolean> cache;

  JdbcCalendarDays(JdbcTemplate jdbc, SheetReader sheets) {
    this.jdbc = jdbc;
    this.sheets = sheets;
  }

  @Override
  public Map<LocalDate, Boolean> exceptions() {
    Map<LocalDate, Boolean> c = cache;
    if (c == null) {
      Map<LocalDate, Boolean> m = new HashMap<>();
      jdbc.query("select calendar_date, off_day from pf_calendar_day", rs -> {
        m.put(rs.getDate(1).toLocalDate(), rs.getBoolean(2));
      });
      c = Map.copyOf(m);
      cache = c;
    }
    return c;
  }

  /** Rows of date, off day (是/否) and name; all or nothing. */
  @Transactional
  public int importDays(String filename, byte[] content) {
    List<SheetRow> rows = sheets.read(filename, content, COLUMNS);
    Map<LocalDate, Object[]> parsed = new LinkedHashMap<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      LocalDate day = null;
      try {
        day = LocalDate.parse(row.get("date"));
      } catch (DateTimeParseException e) {
        row.problem("日期“" + row.get("date") + "”无效，应为2027-01-01的格式");
      }
      String off = row.get("off_day");
      Boolean offDay = switch (off) {
        case "是", "true", "1" -> true;
        case "否", "false", "0" -> false;
        default -> null;
      };
      if (offDay == null) {
        row.problem("放假应填“是”（放假）或“否”（调休上班），而不是“" + off + "”");
      }
      String name = row.required("name", "名称");
      if (day != null && parsed.containsKey(day)) {
        row.problem("日期" + day + "重复");
      }
      if (day != null && offDay != null) {
        parsed.put(day, new Object[] {offDay, name});
      }
      errors.addAll(row.errors());
    }
    ImportRefused.ifAny(errors);
    parsed.forEach((day, v) -> {
      jdbc.update("delete from pf_calendar_day where calendar_date = ?", Date.valueOf(day));
      jdbc.update("insert into pf_calendar_day (calendar_date, off_day, name) values (?, ?, ?)", Date.valueOf(day), v[0], v[1]);
    });
    cache = null;
    return parsed.size();
  }
}
