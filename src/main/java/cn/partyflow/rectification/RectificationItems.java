package cn.partyflow.rectification;

import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The items of the cases (pf_rectification_item) and their history (pf_rectification_event). The only writer of
 * items: each change is reported to {@link RectificationCounts} in the same transaction.
 */
@Repository
public class RectificationItems {

  static final String ITEM_COLUMNS = "id, case_id, org_id, seq, problem, measures, target, category, leader_user,"
      + " department, co_departments, responsible_user, deadline, status, process_instance_id, current_task_id,"
      + " current_task_name";

  static final RowMapper<RectificationItem> ITEM = (rs, i) -> new RectificationItem(
      rs.getLong("id"), rs.getLong("case_id"), rs.getString("org_id"), rs.getInt("seq"), rs.getString("problem"),
      rs.getString("measures"), rs.getString("target"), rs.getString("category"), rs.getString("leader_user"),
      rs.getString("department"), rs.getString("co_departments"), rs.getString("responsible_user"),
      localDate(rs, "deadline"), rs.getString("status"), rs.getString("process_instance_id"),
      rs.getString("current_task_id"), rs.getString("current_task_name"));

  private final JdbcTemplate jdbc;
  private final RectificationCounts counts;

  public RectificationItems(JdbcTemplate jdbc, RectificationCounts counts) {
    this.jdbc = jdbc;
    this.counts = counts;
  }

  public Optional<RectificationItem> item(long id) {
    return jdbc.query("select " + ITEM_COLUMNS + " from pf_rectification_item where id = ?", ITEM, id).stream()
        .findFirst();
  }

  public List<RectificationItem> items(long caseId) {
    return jdbc.query("select " + ITEM_COLUMNS + " from pf_rectification_item where case_id = ? order by seq", ITEM,
        caseId);
  }

  List<Long> itemIds(long caseId) {
    return jdbc.queryForList("select id from pf_rectification_item where case_id = ? order by seq", Long.class,
        caseId);
  }

  /** The case and open task an item belongs to, or nothing when there is no such item. */
  Optional<Map<String, Object>> ownership(long id) {
    return jdbc.queryForList("select process_instance_id, current_task_id from pf_rectification_item where id = ?", id)
        .stream().findFirst();
  }

  /** A redrafted plan replaces the draft items whole, with their history. */
  void replaceDraft(long caseId, String orgId, String processInstanceId, List<RectificationRules.PlannedItem> items) {
    Map<RectificationCounts.Key, Long> deltas = new HashMap<>();
    jdbc.query("select " + RectificationCounts.KEY_COLUMNS + " from pf_rectification_item where case_id = ?"
        + " for update", (RowCallbackHandler) rs -> deltas.merge(RectificationCounts.key(rs), -1L, Long::sum), caseId);
    jdbc.update("delete from pf_rectification_event where item_id in (select id from pf_rectification_item"
        + " where case_id = ?)", caseId);
    jdbc.update("delete from pf_rectification_item where case_id = ?", caseId);
    Timestamp now = Timestamp.from(ChinaClock.now());
    int seq = 0;
    for (RectificationRules.PlannedItem it : items) {
      seq++;
      LocalDate deadline = it.deadline();
      long id = insert("insert into pf_rectification_item (case_id, org_id, seq, problem, measures, target, category,"
              + " leader_user, department, co_departments, responsible_user, deadline, status, process_instance_id,"
              + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          caseId, orgId, seq, "问题" + it.problemNo() + "：" + it.problem(), it.measures(), it.target(), it.category(),
          it.leaderUser(), it.department(), it.coDepartments(), it.responsibleUser(),
          deadline == null ? null : Date.valueOf(deadline), Rectification.NOT_STARTED, processInstanceId, now);
      event(id, Rectification.EVENT_PLANNED, null, "列入整改方案：" + it.category()
          + (deadline == null ? "" : "，完成时限" + deadline));
      deltas.merge(RectificationCounts.Key.of(orgId, it.department(), it.leaderUser(), it.category(),
          Rectification.NOT_STARTED, deadline, null), 1L, Long::sum);
    }
    counts.add(deltas);
  }

  void currentTask(long id, String taskId, String taskName) {
    jdbc.update("update pf_rectification_item set current_task_id = ?, current_task_name = ? where id = ?", taskId,
        taskName, id);
  }

  void progress(long id, String status, String progress) {
    RectificationCounts.Key before = lockedKey(id);
    jdbc.update("update pf_rectification_item set status = ?, progress = ?, updated_at = ? where id = ?", status,
        progress, Timestamp.from(ChinaClock.now()), id);
    counted(before, k -> k.withStatus(status));
  }

  void close(long id) {
    RectificationCounts.Key before = lockedKey(id);
    Timestamp now = Timestamp.from(ChinaClock.now());
    jdbc.update("update pf_rectification_item set status = ?, closed_at = ?, current_task_id = null,"
        + " current_task_name = null, updated_at = ? where id = ?", Rectification.CLOSED, now, now, id);
    // The day the database stores for this timestamp, as cast(closed_at as date) reads it back.
    counted(before, k -> k.closed(Rectification.CLOSED, now.toLocalDateTime().toLocalDate()));
  }

  void markStatus(long id, String status) {
    RectificationCounts.Key before = lockedKey(id);
    jdbc.update("update pf_rectification_item set status = ?, updated_at = ? where id = ?", status,
        Timestamp.from(ChinaClock.now()), id);
    counted(before, k -> k.withStatus(status));
  }

  void moveDeadline(long id, LocalDate deadline, String actor, String detail) {
    RectificationCounts.Key before = lockedKey(id);
    jdbc.update("update pf_rectification_item set deadline = ?, updated_at = ? where id = ?", Date.valueOf(deadline),
        Timestamp.from(ChinaClock.now()), id);
    counted(before, k -> k.withDeadline(deadline));
    event(id, Rectification.EVENT_DEADLINE_MOVED, actor, detail);
  }

  /**
   * The item's row of the counts as it is before a change, its row locked so that a concurrent change of the same
   * item waits and then reads the result of this one.
   */
  private RectificationCounts.Key lockedKey(long id) {
    return jdbc.query("select " + RectificationCounts.KEY_COLUMNS + " from pf_rectification_item where id = ?"
        + " for update", (rs, i) -> RectificationCounts.key(rs), id).stream().findFirst().orElse(null);
  }

  private void counted(RectificationCounts.Key before, UnaryOperator<RectificationCounts.Key> change) {
    if (before != null) {
      counts.moved(before, change.apply(before));
    }
  }

  /** Adds an entry to the item's history. */
  public void event(long itemId, String kind, String actor, String detail) {
    jdbc.update("insert into pf_rectification_event (item_id, kind, actor, detail, occurred_at) values (?, ?, ?, ?, ?)",
        itemId, kind, actor, detail == null ? null : truncate(detail, 2000), Timestamp.from(ChinaClock.now()));
  }

  /** An entry of an item's history. */
  public record Event(String kind, String label, String actor, String detail, Timestamp occurredAt) {}

  public List<Event> events(long itemId) {
    return jdbc.query("select kind, actor, detail, occurred_at from pf_rectification_event where item_id = ?"
            + " order by occurred_at, id",
        (rs, i) -> new Event(rs.getString("kind"), Rectification.eventLabel(rs.getString("kind")),
            rs.getString("actor"), rs.getString("detail"), rs.getTimestamp("occurred_at")), itemId);
  }

  private long insert(String sql, Object... args) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    }, keys);
    return keys.getKey().longValue();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
