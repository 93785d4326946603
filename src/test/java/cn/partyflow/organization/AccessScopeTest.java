package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.SqlScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scopes read from the cached tree, and the whole registry marked so that queries need not list it. */
@PostgresTest
class AccessScopeTest {

  @Autowired AccessScope scope;
  @Autowired OrganizationDirectory directory;

  @Test
  void eachSubtreeIsTheOrganizationAndEverythingBelowIt() {
    List<Organization> all = directory.organizations();
    for (Organization o : all) {
      assertThat(directory.subtrees(List.of(o.id()))).as(o.id())
          .isEqualTo(OrganizationDirectory.selfAndDescendants(List.of(o.id()), all));
    }
    assertThat(directory.subtrees(List.of("rmyy"))).contains("rmyy", "rmyy-nk", "rmyy-nk-1").doesNotContain("zyy");
  }

  @Test
  void theAdministratorAndAnyoneWhoseRolesCoverTheRegistryHaveTheWholeScope() {
    Set<String> admin = scope.visibleOrganizations("admin", true);
    assertThat(SqlScope.isWhole(admin)).isTrue();
    assertThat(admin).hasSize(directory.organizations().size());
    List<String> tops = new ArrayList<>();
    directory.organizations().stream().filter(o -> o.parentId() == null).forEach(o -> tops.add(o.id()));
    Set<String> covering = directory.subtrees(tops);
    assertThat(SqlScope.isWhole(covering)).isTrue();
    assertThat(covering).isEqualTo(admin);

    Set<String> officer = scope.visibleOrganizations("nk_zuzhi", false);
    assertThat(SqlScope.isWhole(officer)).isFalse();
    assertThat(officer).contains("rmyy-nk").doesNotContain("rmyy", "zyy");
  }
}
