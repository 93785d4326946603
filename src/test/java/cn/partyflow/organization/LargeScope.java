package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scope above {@link OrganizationChoices#LIMIT} for the organization filters: a test 党委 with five 党总支 of fifty
 * branches each (256 organizations) given to the demo's 党委书记 (rmyy_shuji) and 纪委 (rmyy_jiwei) as well as their
 * hospital. Its ids start with a fresh prefix, so the tests that use it leave the shared database as they found it.
 */
public final class LargeScope {

  static final String COMMITTEE = "下拉测试党委";

  public final String top = "pick-" + UUID.randomUUID().toString().substring(0, 8);
  private final JdbcTemplate jdbc;

  private LargeScope(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the test 党委, its 党总支 and branches, and the two role assignments. */
  public static LargeScope create(JdbcTemplate jdbc) {
    LargeScope scope = new LargeScope(jdbc);
    scope.insert();
    return scope;
  }

  static String generalBranchName(int g) {
    return "下拉测试总支" + g;
  }

  static String branchName(int g, int b) {
    return "下拉测试支部" + g + "-" + b;
  }

  String generalBranch(int g) {
    return top + "-g" + g;
  }

  public String branch(int g, int b) {
    return top + "-g" + g + "-b" + b;
  }

  private void insert() {
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, null, 'COMMITTEE', ?, true, 900000)", top, COMMITTEE);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g, ?, 'GENERAL_BRANCH', '下拉测试总支' || g, false, 900000 + g * 100"
        + " from generate_series(1, 5) g", top, top);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " select ? || '-g' || g || '-b' || b, ? || '-g' || g, 'BRANCH', '下拉测试支部' || g || '-' || b, false,"
        + " 900000 + g * 100 + b from generate_series(1, 5) g, generate_series(1, 50) b", top, top);
    // P001 is rmyy_shuji, P004 rmyy_jiwei: the test 党委 joins their hospital in their scope.
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P001', 'SECRETARY'),"
        + " (?, 'P004', 'AUDITOR')", top, top);
  }

  public void remove() {
    jdbc.update("delete from pf_role_assignment where org_id = ?", top);
    jdbc.update("delete from pf_organization where id = ? or id like ?", top, top + "-%");
  }

  /** The texts of the options of the select that opens with {@code selectTag} in a page's HTML. */
  public static List<String> options(String html, String selectTag) {
    int start = html.indexOf(selectTag);
    assertThat(start).isNotNegative();
    String select = html.substring(start, html.indexOf("</select>", start));
    Matcher m = Pattern.compile("<option[^>]*>([^<]*)</option>").matcher(select);
    List<String> texts = new ArrayList<>();
    while (m.find()) {
      texts.add(m.group(1));
    }
    return texts;
  }
}
