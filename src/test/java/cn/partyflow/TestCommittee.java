package cn.partyflow;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A scope of several hundred organizations for the overview pages: a test 党委 with three 党委 below it and 100
 * 党支部 under each (304 organizations, written set-based), given to the demo's 党委书记 (P001, rmyy_shuji) as 书记
 * beside his hospital, with P001 also the 组织部门干事 of the first 党委 below and 李红梅 (P002, rmyy_fushuji) the 书记
 * of its first two branches. {@link #remove} takes it away with its role assignments.
 */
public final class TestCommittee {

  public static final int BRANCHES = 100;

  public final String top = "ov-" + UUID.randomUUID().toString().substring(0, 8);
  private final JdbcTemplate jdbc;

  public TestCommittee(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, null, 'COMMITTEE', '总览测试党委', true, 910000)", top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-c' || c, ?, 'COMMITTEE', '总览测试分党委' || c, true, 910000 + c * 1000"
        + " from generate_series(1, 3) c", top, top);
    // Sort orders that tie within a 党委 and ids whose text order is not their number: the pages sort by both.
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-c' || c || '-b' || b, ? || '-c' || c, 'BRANCH', '总览测试支部' || c || '-' || b, false,"
        + " 910000 + c * 1000 + b % 7 from generate_series(1, 3) c, generate_series(1, ?) b", top, top, BRANCHES);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P001', 'SECRETARY'),"
        + " (?, 'P001', 'ORG_DEPARTMENT'), (?, 'P002', 'SECRETARY'), (?, 'P002', 'SECRETARY')",
        top, committee(1), branch(1, 1), branch(1, 2));
  }

  public String committee(int c) {
    return top + "-c" + c;
  }

  public String branch(int c, int b) {
    return top + "-c" + c + "-b" + b;
  }

  /** rmyy_shuji, whose scope is his hospital and this 党委. */
  public static Authentication secretary() {
    return new UsernamePasswordAuthenticationToken("rmyy_shuji", null,
        List.of(new SimpleGrantedAuthority("ROLE_USER")));
  }

  /** The administrator, whose scope is the whole registry. */
  public static Authentication admin() {
    return new UsernamePasswordAuthenticationToken("admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
  }

  public void remove() {
    jdbc.update("delete from pf_role_assignment where org_id = ? or org_id like ?", top, top + "-%");
    jdbc.update("delete from pf_organization where id like ? and parent_id is not null and parent_id <> ?",
        top + "-%", top);
    jdbc.update("delete from pf_organization where id like ?", top + "-%");
    jdbc.update("delete from pf_organization where id = ?", top);
  }
}
