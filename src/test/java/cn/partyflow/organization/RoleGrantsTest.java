package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The grant rules on a tree like the county's: a 党组 over 党委, one 党委 nested in another, branches below. */
class RoleGrantsTest {

  private static final Map<String, Organization> TREE = Stream.of(
      new Organization("wjj", null, OrganizationKind.PARTY_GROUP, "县卫生健康局党组", false, 1),
      new Organization("rmyy", "wjj", OrganizationKind.COMMITTEE, "县人民医院党委", true, 2),
      new Organization("rmyy-zz", "rmyy", OrganizationKind.GENERAL_BRANCH, "县人民医院总支", false, 3),
      new Organization("rmyy-sub", "rmyy-zz", OrganizationKind.COMMITTEE, "县人民医院分院党委", false, 4),
      new Organization("rmyy-nk", "rmyy", OrganizationKind.BRANCH, "县人民医院内科党支部", false, 5))
      .collect(Collectors.toMap(Organization::id, Function.identity()));

  @Test
  void theUnitsOwnOrganizationDepartmentCannotGrantItsLeadingOffices() {
    RoleGrants rmyyZzb = new RoleGrants(TREE, false, "P003", Set.of("rmyy"));
    for (Role office : RoleGrants.LEADING_OFFICES) {
      assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy", "P006", office))).get().asString()
          .contains("只能由系统管理员或上级县卫生健康局党组的组织部门任免");
      assertThat(rmyyZzb.refusalToRemove(new RoleAssignment("rmyy", "P006", office))).isPresent();
    }
    assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy", "P006", Role.PARTY_COMMITTEE))).isEmpty();
    assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy", "P006", Role.DUES_KEEPER))).isEmpty();
  }

  @Test
  void theOrganizationDepartmentOfTheLevelAboveGrantsThem() {
    RoleGrants wjjZzb = new RoleGrants(TREE, false, "P090", Set.of("wjj"));
    assertThat(wjjZzb.refusalToGrant(new RoleAssignment("rmyy", "P004", Role.AUDITOR))).isEmpty();
    assertThat(wjjZzb.refusalToRemove(new RoleAssignment("rmyy", "P001", Role.SECRETARY))).isEmpty();
  }

  @Test
  void theLevelAboveIsTheNearestCommitteeAboveAcrossAGeneralBranch() {
    RoleGrants rmyyZzb = new RoleGrants(TREE, false, "P003", Set.of("rmyy"));
    RoleGrants wjjZzb = new RoleGrants(TREE, false, "P090", Set.of("wjj"));
    RoleAssignment subSecretary = new RoleAssignment("rmyy-sub", "P100", Role.SECRETARY);
    assertThat(rmyyZzb.refusalToGrant(subSecretary)).isEmpty();
    assertThat(wjjZzb.refusalToGrant(subSecretary)).get().asString().contains("上级县人民医院党委的组织部门");
  }

  @Test
  void theTopPartyGroupsOfficesAreForTheAdministratorOnly() {
    RoleGrants wjjZzb = new RoleGrants(TREE, false, "P090", Set.of("wjj"));
    assertThat(wjjZzb.refusalToGrant(new RoleAssignment("wjj", "P060", Role.SECRETARY))).get().asString()
        .endsWith("党组的书记、副书记、纪委/审计、组织部门干事和分管领导只能由系统管理员任免");
    RoleGrants admin = new RoleGrants(TREE, true, null, Set.of());
    assertThat(admin.refusalToGrant(new RoleAssignment("wjj", "P060", Role.SECRETARY))).isEmpty();
  }

  @Test
  void branchRolesAreForTheOrganizationDepartmentOfTheUnit() {
    RoleGrants rmyyZzb = new RoleGrants(TREE, false, "P003", Set.of("rmyy"));
    assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy-nk", "P013", Role.SECRETARY))).isEmpty();
    assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy-nk", "P013", Role.ORGANIZER))).isEmpty();
  }

  @Test
  void nobodyGrantsOrRemovesARoleOfTheirOwnNotEvenInABranchOrAsTheLevelAbove() {
    RoleGrants rmyyZzb = new RoleGrants(TREE, false, "P003", Set.of("rmyy"));
    assertThat(rmyyZzb.refusalToGrant(new RoleAssignment("rmyy-nk", "P003", Role.ORGANIZER))).get().asString()
        .startsWith("不能给本人任命职务（县人民医院内科党支部组织委员）");
    assertThat(rmyyZzb.refusalToRemove(new RoleAssignment("rmyy", "P003", Role.ORG_DEPARTMENT))).get().asString()
        .startsWith("本文件将免去您本人的县人民医院党委组织部门干事职务");
    RoleGrants wjjZzb = new RoleGrants(TREE, false, "P090", Set.of("wjj"));
    assertThat(wjjZzb.refusalToGrant(new RoleAssignment("rmyy", "P090", Role.SECRETARY))).isPresent();
  }

  @Test
  void changingTheLoginOfALeadingOfficeHolderCountsAsAGrant() {
    RoleGrants rmyyZzb = new RoleGrants(TREE, false, "P003", Set.of("rmyy"));
    assertThat(rmyyZzb.refusalToChangeLogin(new RoleAssignment("rmyy", "P004", Role.AUDITOR))).get().asString()
        .startsWith("人员P004任县人民医院党委纪委/审计，修改其登录名等同于任免这一职务");
    assertThat(rmyyZzb.refusalToChangeLogin(new RoleAssignment("rmyy-nk", "P010", Role.SECRETARY))).isEmpty();
  }
}
