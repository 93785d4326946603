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
  final RectificationSettings settings;
  final RecordingChannel channel = new RecordingChannel();
  final RectificationLevels levels;
  final RectificationItems items;
  final RectificationSteps steps;
  final EvidenceStore evidence;
  final RectificationLadder ladder;
  final Notifier notifier;

  RectificationFixture(String name) {
    this(name, RectificationSettings.defaults());
  }

  /**
   * The inspected 党委 {@code rmyy} under the 党组 {@code wjj} (its 组织部门 {@code wjj_zzb}, 纪委 {@code wjj_jiwei}),
   * and the county committee {@code xw} with its 巡察办 {@code xcb1}, 纪委 and 组织部门.
   */
  RectificationFixture(String name, RectificationSettings settings) {
    this.settings = settings;
    DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).table("pf_schema_history").load().migrate();
    jdbc = new JdbcTemplate(ds);
    organization("xw", null, "PARTY_GROUP", "县委");
    organization("wjj", null, "PARTY_GROUP", "县卫生健康局党组");
    organization("rmyy", "wjj", "COMMITTEE", "县人民医院党委");
    organization("rmyy-nk", "rmyy", "BRANCH", "内科党支部");
    person("P901", "王书记", "rmyy_shuji", "rmyy");
    person("P902", "赵领导", "leader1", "rmyy");
    person("P903", "钱主任", "resp1", "rmyy");
    person("P904", "孙主任", "resp2", "rmyy");
    person("P905", "郑巡察", "xcb1", "xw");
    person("P906", "县纪委干部", "xw_jiwei", "xw");
    person("P907", "县委组织部干部", "xw_zzb", "xw");
    person("P908", "局组织部门干事", "wjj_zzb", "wjj");
    person("P909", "局纪检组干部", "wjj_jiwei", "wjj");
    role("xw", "P905", "INSPECTION_OFFICE");
    role("xw", "P906", "AUDITOR");
    role("xw", "P907", "ORG_DEPARTMENT");
    role("wjj", "P908", "ORG_DEPARTMENT");
    role("wjj", "P909", "AUDITOR");
    OrganizationDirectory directory = DirectoryFixture.directory(jdbc);
    levels = new RectificationLevels(jdbc, directory);
    items = new RectificationItems(jdbc, new RectificationCounts(jdbc, levels));
    evidence = new EvidenceStore(jdbc, settings, items);
    Oversight oversight = new Oversight(DirectoryFixture.routing(jdbc), directory, settings);
    steps = new RectificationSteps(items, new RectificationCases(jdbc), evidence, oversight, directory, settings);
    notifier = new Notifier(List.of(channel), directory, jdbc);
    ladder = new RectificationLadder(workdays, settings, items, notifier);
  }

  private void organization(String id, String parent, String kind, String name) {
    jdbc.update("merge into pf_organization (id, parent_id, kind, name, approval_power, sort_order) key (id)"
        + " values (?, ?, ?, ?, ?, 1)", id, parent, kind, name, "COMMITTEE".equals(kind));
  }

  private void person(String id, String name, String username, String orgId) {
    jdbc.update("merge into pf_person (id, name, status, org_id, username, email) key (id)"
        + " values (?, ?, 'FULL_MEMBER', ?, ?, ?)", id, name, orgId, username, username + "@test.cn");
  }

  private void role(String orgId, String personId, String role) {
    jdbc.update("merge into pf_role_assignment (org_id, person_id, role) key (org_id, person_id, role)"
        + " values (?, ?, ?)", orgId, personId, role);
  }

  /** Evidence for an item, as the 责任人 uploads it on the evidence page. */
  void evidence(long itemId) {
    evidence.store(itemId, "整改台账.pdf", "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "resp1");
  }

  List<String> events(long itemId) {
    return items.events(itemId).stream().map(RectificationItems.Event::kind).toList();
  }
}
