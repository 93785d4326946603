package cn.partyflow.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationImport;
import cn.partyflow.organization.PersonStageLevels;
import cn.partyflow.organization.PersonStages;
import cn.partyflow.organization.Roster;
import cn.partyflow.organization.ScopeLevels;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL: the 发展党员 pipeline kept per level (pf_person_stage_level) equals the people counted afresh over
 * each organization's subtree after every kind of write of people and of the tree (an import of people, a stage
 * recorded by a case, in a transaction that commits and in one that rolls back, an organization moved by the
 * import there and back), though the import counts anew only the organizations it changed and those above them; is
 * refused while a change of the tree written around the import has left it behind, after which the next import counts
 * every row; and gives the home the same rows as counting the people.
 */
@PostgresTest
class HomePipelineLevelsPostgresTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OrganizationImport imports;
  @Autowired OrganizationDirectory directory;
  @Autowired PersonStages stages;
  @Autowired PersonStageLevels levels;
  @Autowired Roster roster;
  @Autowired HomeController home;
  @Autowired TransactionTemplate transactions;
  @Autowired ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String top = "psl" + tag;
  final String c1 = top + "-c1";
  final String c2 = top + "-c2";
  final String b1 = top + "-b1";
  final String b2 = top + "-b2";
  final String g1 = top + "-g1";
  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    made.remove(context);
    levels.rebuild();
  }

  @Test
  void theKeptPipelineIsTheRegistrysAfterEveryKindOfWriteAndTheHomeReadsTheSameRows() {
    // Recorded children first: they are removed in this order.
    List.of(g1, b1, b2, c1, c2, top).forEach(made::organization);
    importOrganizations(top + ",,PARTY_GROUP,层级计数测试党组", c1 + "," + top + ",COMMITTEE,层级计数测试一党委",
        c2 + "," + top + ",COMMITTEE,层级计数测试二党委", b1 + "," + c1 + ",BRANCH,层级计数测试一支部",
        b2 + "," + c2 + ",BRANCH,层级计数测试二支部", g1 + "," + b1 + ",CELL,层级计数测试一小组");
    importPeople(person(1, "入党申请人", top), person(2, "入党申请人", g1), person(3, "入党积极分子", b1),
        person(4, "发展对象", b2), person(5, "预备党员", b2), person(6, "正式党员", b1), person(7, "群众", c1));
    assertKeptIsCounted();
    assertHomeRowsAgree();

    // A case records stages in the engine's transaction, or outside one.
    transactions.executeWithoutResult(t -> stages.recordStage(id(2), MemberStatus.ACTIVIST, Map.of()));
    assertKeptIsCounted();
    stages.recordStage(id(5), MemberStatus.FULL_MEMBER, Map.of());
    stages.recordStage(id(7), MemberStatus.APPLICANT, Map.of());
    assertKeptIsCounted();
    // A refused task leaves the registry and its counts as they were.
    assertThatThrownBy(() -> transactions.executeWithoutResult(t -> {
      stages.recordStage(id(3), MemberStatus.TARGET, Map.of());
      throw new IllegalStateException("拒绝");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(jdbc.queryForObject("select status from pf_person where id = ?", String.class, id(3)))
        .isEqualTo("ACTIVIST");
    assertKeptIsCounted();

    // The import moves a person to another branch and stage.
    importPeople(person(4, "预备党员", b1));
    assertKeptIsCounted();

    // The import moves a branch with its cell and people to the other 党委.
    importOrganizations(b1 + "," + c2 + ",BRANCH,层级计数测试一支部");
    assertKeptIsCounted();
    assertHomeRowsAgree();

    // And back, with a person moved into it in the same import's transaction: the 党委 it left and the one it joins.
    importOrganizations(b1 + "," + c1 + ",BRANCH,层级计数测试一支部");
    importPeople(person(6, "入党申请人", g1), person(4, "发展对象", b2));
    assertKeptIsCounted();

    // A change of the tree written around the import: the kept rows are refused until counted anew, and the next
    // import counts every row, not only those of the organizations it changed (c2 does not count the branch it
    // gained yet).
    jdbc.update("update pf_organization set parent_id = ? where id = ?", c2, b1);
    assertThat(roster.stageCountsBelow(List.of(top))).isEmpty();
    assertThat(home.keptPipeline(ScopeLevels.of(scopeOf(top)))).isEmpty();
    importPeople(person(7, "入党积极分子", c1));
    assertKeptIsCounted();
    assertHomeRowsAgree();
    jdbc.update("update pf_organization set parent_id = ? where id = ?", c1, b1);
    levels.rebuild();
    assertKeptIsCounted();
  }

  /** For each organization made here, its subtree's people by stage: kept, and counted from the registry. */
  private void assertKeptIsCounted() {
    List<String> ours = List.of(top, c1, c2, b1, b2, g1);
    Map<String, Map<MemberStatus, Long>> counted = new HashMap<>();
    for (String org : ours) {
      Map<MemberStatus, Long> sum = new HashMap<>();
      roster.stageCounts(directory.selfAndDescendants(org)).values()
          .forEach(m -> m.forEach((s, n) -> sum.merge(s, n, Long::sum)));
      sum.values().removeIf(n -> n == 0);
      if (!sum.isEmpty()) {
        counted.put(org, sum);
      }
    }
    Map<String, Map<MemberStatus, Long>> kept = new HashMap<>();
    roster.stageCountsBelow(ours).orElseThrow().forEach((org, m) -> {
      Map<MemberStatus, Long> nonZero = new HashMap<>(m);
      nonZero.values().removeIf(n -> n == 0);
      if (!nonZero.isEmpty()) {
        kept.put(org, nonZero);
      }
    });
    assertThat(kept).isEqualTo(counted).isNotEmpty();
  }

  /** The home's pipeline of the 党组's scope and of one 党委's: from the kept rows, as counted from the people. */
  private void assertHomeRowsAgree() {
    for (String root : List.of(top, c2)) {
      ScopeLevels scopeLevels = ScopeLevels.of(scopeOf(root));
      List<HomeController.PipelineRow> counted = home.pipeline(directory.selfAndDescendants(root), scopeLevels);
      assertThat(home.keptPipeline(scopeLevels)).as(root).contains(counted);
    }
    // The 党组's own applicant is its own row, before the rows of its 党委 and the total.
    assertThat(home.keptPipeline(ScopeLevels.of(scopeOf(top))).orElseThrow().get(0).own()).isTrue();
  }

  private List<Organization> scopeOf(String root) {
    Set<String> ids = directory.selfAndDescendants(root);
    return directory.organizations().stream().filter(o -> ids.contains(o.id())).toList();
  }

  private String id(int n) {
    return "P" + tag + n;
  }

  private String person(int n, String status, String org) {
    made.person(id(n));
    return id(n) + ",层级计数测试" + n + "," + status + "," + org;
  }

  private void importOrganizations(String... rows) {
    imports.importOrganizations("o.csv", ("id,parent_id,kind,name\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8), OrganizationImport.Scope.ALL);
  }

  private void importPeople(String... rows) {
    imports.importPeople("p.csv", ("id,name,status,org_id\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8), OrganizationImport.Scope.ALL);
  }
}
