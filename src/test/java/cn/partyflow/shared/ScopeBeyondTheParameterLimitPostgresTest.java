package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.organization.Groups;
import cn.partyflow.tasklist.MyTasks;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scope of more than the 65,535 bind parameters the PostgreSQL driver accepts: a 党组 with 70,000 branches below
 * it, inserted set-based, read by the administrator (who sees every organization) and by a user in 40,000 of the
 * scope groups of that 党组. Every read over a scope passes it as one array parameter ({@link SqlScope}), so the reports
 * (each area's query), the annual document, the roster, the large voluntary payments and the task counts of the
 * home page answer instead of failing. The 党组 is inserted once for the class: its 70,000 rows take seconds.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeBeyondTheParameterLimitPostgresTest {

  static final int BRANCHES = 70_000;
  /**
   * The scope groups of the user counted on the home page: the engine's own checks bind each of the user's groups once
   * and pass (a user in more than 65,534 groups fails in every engine query, see README), the home page's counts
   * bound them twice.
   */
  static final int GROUPS = 40_000;

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired MyTasks myTasks;
  @Autowired ApplicationContext context;
  @Autowired TransactionTemplate transactions;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String root = "scope" + run;
  final String branch = root + "-1";
  final String person = root + "-p";
  final String name = "范围" + run;
  final String user = "scope_" + run;
  final int year = ChinaClock.today().getYear();
  final TestData data = new TestData();

  @BeforeAll
  void aPartyGroupWithSeventyThousandBranches() {
    data.person(person);
    data.organization(branch);
    data.organization(root);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, null, 'PARTY_GROUP', ?, true, 99)", root, "范围测试党组" + run);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-' || g, ?, 'BRANCH', '范围测试支部' || g, false, 99 from generate_series(1, ?) g",
        root, root, BRANCHES);
    jdbc.update("insert into pf_person (id, name, gender, status, org_id) values (?, ?, '女', 'FULL_MEMBER', ?)",
        person, name, branch);
    User u = identity.newUser(user);
    u.setFirstName(name);
    u.setPassword("demo");
    identity.saveUser(u);
    identity.createMembership(user, Groups.USERS);
    // 40,000 of the scope groups a role at the 党组 brings (IdentitySync: one per organization at and below it).
    jdbc.update("insert into act_id_group (id_, rev_, name_, type_) values (?, 1, ?, ?)", root, root,
        Groups.TYPE_SCOPE);
    jdbc.update("insert into act_id_group (id_, rev_, name_, type_) select ? || '-' || g, 1, '范围测试支部' || g, ?"
        + " from generate_series(1, ?) g", root, Groups.TYPE_SCOPE, GROUPS - 1);
    jdbc.update("insert into act_id_membership (user_id_, group_id_) select ?, id_ from act_id_group"
        + " where id_ = ? or id_ like ?", user, root, root + "-%");
  }

  @AfterAll
  void removeThem() {
    identity.deleteUser(user);
    jdbc.update("delete from act_id_group where id_ = ? or id_ like ?", root, root + "-%");
    // Nothing refers to the empty branches, but PostgreSQL checks each deleted row against the two dozen tables that
    // refer to pf_organization: 28 s for 70,000 rows. Those checks (and the tree's version stamp) are left out for this
    // one statement; removing the root and its branch with data below moves the stamp.
    transactions.executeWithoutResult(s -> {
      jdbc.execute("set local session_replication_role = replica");
      jdbc.update("delete from pf_organization where parent_id = ? and id <> ?", root, branch);
    });
    data.remove(context);
  }

  @Test
  void theReportsOfTheScopeAreBuiltFromOneParameterPerQuery() throws Exception {
    ResponseEntity<String> page = http.withBasicAuth("admin", "demo")
        .getForEntity("/reports?orgId=" + root + "&year=" + year, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("范围测试党组" + run);
    assertThat(http.withBasicAuth("admin", "demo").getForObject("/reports/figure?key=members.all&orgId=" + root
        + "&year=" + year, String.class)).contains(name);
    byte[] docx = http.withBasicAuth("admin", "demo").getForObject("/reports/annual.docx?orgId=" + root
        + "&year=" + year, byte[].class);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n")))
          .contains("范围测试党组" + run).contains("共有党员1名");
    }
  }

  @Test
  void theRosterAndTheLargePaymentsOfTheScopeAnswer() {
    ResponseEntity<String> roster = http.withBasicAuth("admin", "demo")
        .getForEntity("/people?orgId=" + root, String.class);
    assertThat(roster.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(roster.getBody()).contains(name);
    assertThat(http.withBasicAuth("admin", "demo").getForEntity("/dues/large-voluntary", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theTaskCountsOfAUserInFortyThousandScopeGroupsAreCounted() {
    assertThat(myTasks.filterCounts(user)).isNotEmpty()
        .allSatisfy(c -> assertThat(c.count()).isGreaterThanOrEqualTo(0));
  }
}
