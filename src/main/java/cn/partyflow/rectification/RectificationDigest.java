package cn.partyflow.rectification;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each working morning, one message per person (责任人 or 责任领导) listing their open items that are overdue or
 * due within the dashboard's amber window, so nobody learns of a slipping deadline from the escalation.
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

  @Scheduled(cron = "${partyflow.rectification.digest-cron:0 0 8 * * *}", zone = ChinaClock.ZONE_ID)
  public void daily() {
    if (workdays.isWorkday(ChinaClock.today())) {
      send();
    }
  }

  /** Sends the digest now; returns how many people received one. */
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
    byUser.forEach((user, lines) -> {
      int[] c = counts.get(user);
      notifier.send(List.of(user), "digest", null,
          String.format("【整改每日提示】%s：逾期%d项，即将到期%d项", today, c[0], c[1]),
          "您负责或分管的整改事项中，以下事项已逾期或即将到期：\n" + lines
              + "\n详情见整改督办看板：/dashboard/rectification");
    });
    return byUser.size();
  }
}
