package cn.partyflow.rectification;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each working morning, one message per person (责任人 or 责任领导) listing their open items that are overdue or
 * due within the dashboard's amber window, so nobody learns of a slipping deadline from the escalation. It runs as
 * the calendar duty {@code rectificationDigest} on one node of the cluster; each person's digest of the day is also
 * claimed in {@code pf_rectification_digest} before it is sent, so a duty run twice (re-run by the administrator,
 * or retried) never sends anyone a second one.
 */
@Component
public class RectificationDigest {

  private final JdbcTemplate jdbc;
  private final RectificationSettings settings;
  private final WorkdayCalendar workdays;
  private final Notifier notifier;

  public RectificationDigest(JdbcTemplate jdbc, RectificationSettings settings, WorkdayCalendar workdays,
      Notifier notifier) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.workdays = workdays;
    this.notifier = notifier;
  }

  /** Implements Task_SendDigest of the calendar duty {@code rectificationDigest}: working days only. */
  public void daily() {
    if (workdays.isWorkday(ChinaClock.today())) {
      send();
    }
  }

  /** Sends today's digest to everyone who has not had it yet; returns how many people received one now. */
  public int send() {
    LocalDate today = ChinaClock.today();
    Map<String, StringBuilder> byUser = new TreeMap<>();
    Map<String, int[]> counts = new TreeMap<>();
    jdbc.query("select i.id, i.seq, i.problem, i.department, i.deadline, i.responsible_user, i.leader_user,"
            + " o.name as org_name from pf_rectification_item i join pf_organization o on o.id = i.org_id"
            + " where i.status <> ? and i.category <> ? and i.deadline <= ? order by i.deadline, i.id",
        rs -> {
          LocalDate deadline = rs.getDate("deadline").toLocalDate();
          long days = ChronoUnit.DAYS.between(today, deadline);
          String line = String.format("%s %s 事项%d（%s）：%s，完成时限%s%n", days < 0 ? "【逾期" + (-days) + "天】"
                  : "【还剩" + days + "天】", rs.getString("org_name"), rs.getInt("seq"), rs.getString("department"),
              rs.getString("problem"), deadline);
          for (String user : List.of(rs.getString("responsible_user"), rs.getString("leader_user"))) {
            byUser.computeIfAbsent(user, u -> new StringBuilder()).append(line);
            int[] c = counts.computeIfAbsent(user, u -> new int[2]);
            c[days < 0 ? 0 : 1]++;
          }
        }, Rectification.CLOSED, Rectification.LONG_TERM, Date.valueOf(today.plusDays(settings.dueSoonDays())));
    Map<String, StringBuilder> unsent = new TreeMap<>();
    byUser.forEach((user, lines) -> {
      if (claim(today, user)) {
        unsent.put(user, lines);
      }
    });
    unsent.forEach((user, lines) -> {
      int[] c = counts.get(user);
      notifier.send(List.of(user), "digest", null,
          String.format("【整改每日提示】%s：逾期%d项，即将到期%d项", today, c[0], c[1]),
          "您负责或分管的整改事项中，以下事项已逾期或即将到期：\n" + lines
              + "\n详情见整改督办看板：/dashboard/rectification");
    });
    return unsent.size();
  }

  /** Whether this run may send the person today's digest: false when another run has claimed it. */
  private boolean claim(LocalDate day, String user) {
    return jdbc.update("insert into pf_rectification_digest (digest_day, recipient_user, sent_at)"
        + " select ?, ?, ? where not exists (select 1 from pf_rectification_digest where digest_day = ?"
        + " and recipient_user = ?)", Date.valueOf(day), user, Timestamp.from(ChinaClock.now()), Date.valueOf(day),
        user) == 1;
  }
}
