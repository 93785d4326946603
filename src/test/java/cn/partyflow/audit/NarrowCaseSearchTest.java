package cn.partyflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.organization.OrganizationDirectory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditors' search finds a narrow scope's cases from their organization, a middle one's (a city of a province) by
 * walking the cases newest first with the set of its cases at hand, and a broad one's by walking alone: each gives the
 * cases whose process-level {@code orgId} is in the scope, and no case whose only mention of the organization is a
 * variable local to one of its executions.
 */
@PostgresTest
class NarrowCaseSearchTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseSearch search;
  @Autowired OrganizationDirectory directory;

  final String run = "ncs-" + UUID.randomUUID().toString().substring(0, 8);
  final String committee = run;
  final String branchA = run + "-1";
  final String branchB = run + "-2";
  /** A 党总支 of ten of the sixty branches, A and B among them. */
  final String general = run + "-g";
  final String branchOutside = run + "-30";

  @BeforeEach
  void casesInTwoOfSixtyBranches() {
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, null, 'COMMITTEE', '检索测试党委', true, 99)", committee);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, ?, 'GENERAL_BRANCH', '检索测试党总支', false, 0)", general, committee);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-' || k, case when k <= 10 then ? else ? end, 'BRANCH', '检索测试支部' || k, false, k"
        + " from generate_series(1, 60) k", committee, general, committee);
    // Three cases of branch A, two of B; one of B also carries A's id in a variable local to a sub-execution.
    historic(run + "-a1", branchA, "2026-01-01 10:00:00");
    historic(run + "-a2", branchA, "2026-01-02 10:00:00");
    historic(run + "-a3", branchA, "2026-01-03 10:00:00");
    historic(run + "-b1", branchB, "2026-01-04 10:00:00");
    historic(run + "-b2", branchB, "2026-01-05 10:00:00");
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) values (?, 'narrowSearch',"
        + " 'narrowSearch:1', ?, ?, ?, 'orgId', 'string', ?, now(), 'CREATED')",
        run + "-b2-local", run + "-b2", run + "-b2", run + "-b2-sub", branchA);
    // A3 holds a second process-level row of its organization (a variable set anew): still one case.
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) values (?, 'narrowSearch',"
        + " 'narrowSearch:1', ?, ?, ?, 'orgId', 'string', ?, now(), 'CREATED')",
        run + "-a3-org2", run + "-a3", run + "-a3", run + "-a3", branchA);
    // A case of a branch outside the 党总支 that names branch A in a variable local to a sub-execution.
    historic(run + "-c1", branchOutside, "2026-01-06 10:00:00");
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) values (?, 'narrowSearch',"
        + " 'narrowSearch:1', ?, ?, ?, 'orgId', 'string', ?, now(), 'CREATED')",
        run + "-c1-local", run + "-c1", run + "-c1", run + "-c1-sub", branchA);
  }

  private void historic(String id, String org, String started) {
    jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
        + " start_time_, state_) values (?, ?, ?, 'narrowSearch', 'narrowSearch:1', cast(? as timestamp), 'ACTIVE')",
        id, id, id, started);
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,"
        + " execution_id_, name_, var_type_, text_, create_time_, state_) values (?, 'narrowSearch',"
        + " 'narrowSearch:1', ?, ?, ?, 'orgId', 'string', ?, now(), 'CREATED')", id + "-org", id, id, id, org);
  }

  @AfterEach
  void remove() {
    jdbc.update("delete from act_hi_varinst where proc_inst_id_ like ?", run + "-%");
    jdbc.update("delete from act_hi_procinst where id_ like ?", run + "-%");
    jdbc.update("delete from pf_organization where parent_id = ?", general);
    jdbc.update("delete from pf_organization where parent_id = ?", committee);
    jdbc.update("delete from pf_organization where id = ?", committee);
  }

  @Test
  void aBranchAndItsCommitteeFindTheirOwnCasesNewestFirst() {
    assertThat(directory.organizations().size()).isGreaterThanOrEqualTo(CaseSearch.NARROW);
    // One branch in a registry of more than NARROW organizations: found from the organization.
    assertThat(ids(branchA)).containsExactly(run + "-a3", run + "-a2", run + "-a1");
    assertThat(ids(branchB)).containsExactly(run + "-b2", run + "-b1");
    // The 党总支 with its ten branches (11 organizations): between one in NARROW and one in MIDDLE of the registry,
    // walked with the set of its cases; the case outside naming branch A only locally is not among them.
    int registry = directory.organizations().size();
    assertThat(registry).isBetween(11 * CaseSearch.MIDDLE, 11 * CaseSearch.NARROW - 1);
    assertThat(ids(general)).containsExactly(run + "-b2", run + "-b1", run + "-a3", run + "-a2", run + "-a1");
    CaseSearch.CasePage middle = search.search(criteria(general), directory.allIds(), 1, 2);
    assertThat(middle.rows()).extracting(CaseSearch.CaseRow::id).containsExactly(run + "-a3", run + "-a2");
    assertThat(middle.total()).as("counted from the organizations, each case once").isEqualTo(5);
    // The committee with its 62 organizations, walked with the set of its cases or alone as the registry is large.
    assertThat(ids(committee)).containsExactly(run + "-c1", run + "-b2", run + "-b1", run + "-a3", run + "-a2",
        run + "-a1");
    CaseSearch.CasePage page = search.search(criteria(branchA), directory.allIds(), 0, 2);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
    assertThat(search.search(criteria(branchA), directory.subtrees(List.of(branchB)), 0, 20).rows()).isEmpty();
  }

  private List<String> ids(String org) {
    return search.search(criteria(org), directory.allIds(), 0, 20).rows().stream().map(CaseSearch.CaseRow::id)
        .toList();
  }

  private static CaseCriteria criteria(String org) {
    return new CaseCriteria(null, null, org, "narrowSearch", null, null, null);
  }
}
