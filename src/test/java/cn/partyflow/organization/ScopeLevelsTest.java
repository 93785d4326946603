package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows per level below the user: one per organization under the top organization with its whole subtree summed, the
 * top's own row only when it has figures of its own, a branch at the top as one row; a drill-down within the scope.
 */
class ScopeLevelsTest {

  /** A province: two cities, one with a 党总支 and its branches, the other with a branch; cells under branches. */
  static final List<Organization> PROVINCE = List.of(
      org("sw", null, OrganizationKind.COMMITTEE, "省委"),
      org("c1", "sw", OrganizationKind.COMMITTEE, "甲市委"),
      org("c1-z", "c1", OrganizationKind.GENERAL_BRANCH, "甲市某党总支"),
      org("c1-z-b1", "c1-z", OrganizationKind.BRANCH, "甲一支部"),
      org("c1-z-b1-x", "c1-z-b1", OrganizationKind.CELL, "甲一小组"),
      org("c1-b2", "c1", OrganizationKind.BRANCH, "甲二支部"),
      org("c2", "sw", OrganizationKind.COMMITTEE, "乙市委"),
      org("c2-b1", "c2", OrganizationKind.BRANCH, "乙一支部"));

  @Test
  void aProvincesSecretaryGetsOneRowPerCityEachSummingItsWholeSubtree() {
    ScopeLevels levels = ScopeLevels.of(PROVINCE);
    Map<String, Long> people = Map.of("c1-z-b1", 3L, "c1-z-b1-x", 2L, "c1-b2", 4L, "c2-b1", 1L);
    List<ScopeLevels.Total<Long>> rows = levels.totals(people, l -> 0L, Long::sum, true);
    assertThat(rows).extracting(t -> t.level().orgId() + "=" + t.value()).containsExactly("c1=9", "c2=1");
  }

  @Test
  void theTopsOwnRowIsThereOnlyWhenTheTopHasFiguresOfItsOwn() {
    ScopeLevels levels = ScopeLevels.of(PROVINCE);
    List<ScopeLevels.Total<Long>> rows = levels.totals(Map.of("sw", 5L, "c2-b1", 1L), l -> 0L, Long::sum, false);
    assertThat(rows).extracting(t -> t.level().name() + "=" + t.value()).containsExactly("省委（本级）=5", "乙市委=1");
    assertThat(rows.get(0).level().own()).isTrue();
  }

  @Test
  void figuresKeptPerSubtreeGiveTheSameRowsAsFiguresPerOrganization() {
    Map<String, Long> own = Map.of("sw", 5L, "c1-z-b1", 3L, "c1-z-b1-x", 2L, "c1-b2", 4L);
    // Each organization's subtree: what a table kept per ancestor holds (c2 has nobody: no row kept).
    Map<String, Long> subtree = Map.of("sw", 14L, "c1", 9L, "c1-z", 5L, "c1-z-b1", 5L, "c1-z-b1-x", 2L, "c1-b2", 4L);
    for (List<Organization> scope : List.of(PROVINCE,
        PROVINCE.stream().filter(o -> o.id().startsWith("c1")).toList())) {
      ScopeLevels levels = ScopeLevels.of(scope);
      assertThat(levels.totalsOfSubtrees(subtree, l -> 0L, Long::sum, (a, b) -> a - b, n -> n == 0, true))
          .isEqualTo(levels.totals(own, l -> 0L, Long::sum, true));
    }
    ScopeLevels levels = ScopeLevels.of(PROVINCE);
    assertThat(levels.totalsOfSubtrees(Map.of("sw", 1L, "c2", 1L), l -> 0L, Long::sum, (a, b) -> a - b,
        n -> n == 0, true)).extracting(t -> t.level().orgId() + "=" + t.value()).containsExactly("c1=0", "c2=1");
  }

  @Test
  void aBranchAtTheTopIsOneRowWithItsCells() {
    List<Organization> branch = PROVINCE.stream().filter(o -> o.id().startsWith("c1-z-b1")).toList();
    List<ScopeLevels.Total<Long>> rows = ScopeLevels.of(branch).totals(Map.of("c1-z-b1", 3L, "c1-z-b1-x", 2L),
        l -> 0L, Long::sum, true);
    assertThat(rows).extracting(t -> t.level().orgId() + "=" + t.value() + ":" + t.level().own())
        .containsExactly("c1-z-b1=5:false");
  }

  @Test
  void aCommitteesSecretarySeesARowPerBranchAndTheyAreTheOrganizationsOfTheScopeOnly() {
    List<Organization> city = PROVINCE.stream().filter(o -> o.id().startsWith("c1")).toList();
    List<ScopeLevels.Total<Long>> rows = ScopeLevels.of(city).totals(Map.of("c1-b2", 4L, "c2-b1", 7L), l -> 0L,
        Long::sum, true);
    assertThat(rows).extracting(t -> t.level().orgId() + "=" + t.value()).containsExactly("c1-z=0", "c1-b2=4");
  }

  @Test
  void aDrillDownIsTheOrganizationWithItsSubtreeWithinTheScopeAndItsChildrenBecomeTheRows() {
    List<Organization> c1 = ScopeLevels.below(PROVINCE, "c1");
    assertThat(c1).extracting(Organization::id).containsExactly("c1", "c1-z", "c1-z-b1", "c1-z-b1-x", "c1-b2");
    assertThat(ScopeLevels.of(c1).levels()).extracting(ScopeLevels.Level::orgId)
        .containsExactly("c1", "c1-z", "c1-b2");
    List<Organization> city = PROVINCE.stream().filter(o -> o.id().startsWith("c1")).toList();
    assertThat(ScopeLevels.below(city, "c2")).isEmpty();
    assertThat(ScopeLevels.below(city, "sw")).isEmpty();
  }

  private static Organization org(String id, String parent, OrganizationKind kind, String name) {
    return new Organization(id, parent, kind, name, false, 0);
  }
}
