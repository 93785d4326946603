package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.partyflow.PostgresTest;
import cn.partyflow.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

@PostgresTest
@Transactional
class RoutingServiceTest {

  @Autowired RoutingService routing;
  @Autowired JdbcTemplate jdbc;

  @Test
  void routesToTheRoleOfTheBranchItself() {
    assertThat(routing.group("rmyy-nk", "organizer")).isEqualTo("rmyy-nk.organizer");
    assertThat(routing.group("rmyy-nk", "组织委员")).isEqualTo("rmyy-nk.organizer");
  }

  @Test
  void aVacantRoleGoesOneLevelUpAndSaysWhy() {
    long before = count();
    assertThat(routing.group("rmyy-nk", "orgdept")).isEqualTo("rmyy.orgdept");
    assertThat(count()).isEqualTo(before + 1);
    assertThat(jdbc.queryForObject("select reason from pf_routing_log order by id desc limit 1", String.class))
        .contains("县人民医院内科党支部组织部门干事空缺", "县人民医院党委");
  }

  @Test
  void aRoleVacantAllTheWayUpGoesToTheSecretaryNeverToNobody() {
    assertThat(routing.group("rmyy-nk", "depthead")).isEqualTo("rmyy-nk.depthead");
    assertThat(routing.group("rmyy-wk", "propaganda")).isEqualTo("rmyy-wk.secretary");
  }

  @Test
  void approvalGoesToTheNearestCommitteeWithApprovalPower() {
    assertThat(routing.approvalOrgId("rmyy-nk-1")).isEqualTo("rmyy");
    assertThat(routing.approvalGroup("rmyy-nk", "orgdept")).isEqualTo("rmyy.orgdept");
    assertThat(routing.approvalOrgId("wjj-jgzb")).isEqualTo("wjj-jgdw");
  }

  @Test
  void aPartyGroupNeverApproves() {
    assertThatThrownBy(() -> routing.approvalOrgId("wjj"))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("党组、党总支不能审批");
  }

  @Test
  void aChangedRoleAssignmentReachesTheNextTaskWithoutRedeploy() {
    assertThat(routing.group("rmyy-wk", "propaganda")).isEqualTo("rmyy-wk.secretary");
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values ('rmyy-wk', 'P032', 'PROPAGANDA')");
    try {
      assertThat(routing.group("rmyy-wk", "propaganda")).isEqualTo("rmyy-wk.propaganda");
    } finally {
      jdbc.update("delete from pf_role_assignment where org_id = 'rmyy-wk' and person_id = 'P032'"
          + " and role = 'PROPAGANDA'");
    }
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from pf_routing_log", Long.class);
  }
}
