package cn.partyflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlScopeTest {

  @Test
  void aListedScopeIsOneArrayParameter() {
    List<Object> args = new ArrayList<>();
    assertThat(SqlScope.anyOf("i.org_id", Set.of("a", "b"), args)).isEqualTo("i.org_id = any(?)");
    assertThat(args).hasSize(1);
  }

  @Test
  void theWholeRegistryIsASubqueryWithoutParameters() {
    Set<String> ids = new LinkedHashSet<>(List.of("a", "b"));
    Set<String> whole = SqlScope.whole(ids);
    List<Object> args = new ArrayList<>();
    assertThat(SqlScope.anyOf("i.org_id", whole, args)).isEqualTo("i.org_id in (select id from pf_organization)");
    assertThat(args).isEmpty();
    assertThat(whole).isEqualTo(ids).contains("a");
    assertThat(SqlScope.isWhole(whole)).isTrue();
    assertThat(SqlScope.isWhole(ids)).isFalse();
  }

  @Test
  void mostOfTheRegistryIsTheSubqueryLessTheFewLeftOut() {
    Set<String> scope = SqlScope.allBut(new LinkedHashSet<>(List.of("a", "b", "c")), Set.of("d"));
    List<Object> args = new ArrayList<>();
    assertThat(SqlScope.anyOf("c.org", scope, args))
        .isEqualTo("(c.org in (select id from pf_organization) and not c.org = any(?))");
    assertThat(args).hasSize(1);
    assertThat(scope).containsExactlyInAnyOrder("a", "b", "c").doesNotContain("d");
    assertThat(SqlScope.isWhole(scope)).isFalse();
    assertThat(SqlScope.isRegistry(scope)).isTrue();
  }

  @Test
  void aColumnOfRegisteredOrganizationsNeedsOnlyTheOnesLeftOut() {
    List<Object> args = new ArrayList<>();
    assertThat(SqlScope.anyOfRegistered("i.org_id", SqlScope.whole(Set.of("a", "b")), args)).isEqualTo("1 = 1");
    assertThat(args).isEmpty();
    assertThat(SqlScope.anyOfRegistered("i.org_id", SqlScope.allBut(Set.of("a"), Set.of("b")), args))
        .isEqualTo("not i.org_id = any(?)");
    assertThat(args).hasSize(1);
    assertThat(SqlScope.anyOfRegistered("i.org_id", Set.of("a"), args)).isEqualTo("i.org_id = any(?)");
  }
}
