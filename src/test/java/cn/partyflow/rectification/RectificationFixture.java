package cn.partyflow.rectification;

import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.organization.DirectoryFixture;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The rectification services over an in-memory H2 database migrated with the project's own Flyway scripts, with
 * a recording notification channel, for process unit tests.
 */
final class RectificationFixture {

  /** A notification channel that keeps what it was asked to send. */
  static final class RecordingChannel implements NotificationChannel {
    final List<String> sent = new ArrayList<>();

    @Override
    public String name() {
      return "test";
    }

    @Override
    public Optional<String> addressOf(Person person) {
      return Optional.ofNullable(person.email());
    }

    @Override
    public void send(String address, String subject, String body) {
      sent.add(address + " " + subject);
    }
  }

  final JdbcTemplate jdbc;
  final WorkdayCalendar workdays = ChinaCalendarFixture.calendar(false);
  final RectificationSettings settings = RectificationSettings.defaults();
  final RecordingChannel channel = new RecordingChannel();
  final RectificationService service;
  final RectificationLadder ladder;
  final LoadItemDelegate loadItem;
  final Notifier notifier;

  RectificationFixture(String name) {
    DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("pf_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    jdbc.update("merge into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " key (id) values ('rmyy', null, 'COMMITTEE', '县人民医院党委', true, 1)");
    person("P901", "王书记", "rmyy_shuji");
    person("P902", "赵领导", "leader1");
    person("P903", "钱主任", "resp1");
    person("P904", "孙主任", "resp2");
    OrganizationDirectory directory = DirectoryFixture.directory(jdbc);
    service = new RectificationService(jdbc, directory, settings);
    notifier = new Notifier(List.of(channel), directory, jdbc);
    ladder = new RectificationLadder(workdays, settings, service, notifier);
    loadItem = new LoadItemDelegate(service);
  }

  private void person(String id, String name, String username) {
    jdbc.update("merge into pf_person (id, name, status, org_id, username, email) key (id)"
        + " values (?, ?, 'FULL_MEMBER', 'rmyy', ?, ?)", id, name, username, username + "@test.cn");
  }

  List<String> events(long itemId) {
    return service.events(itemId).stream().map(RectificationService.Event::kind).toList();
  }
}
