package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organizations sheet: organizations upserted by id, each under a parent of a kind that may hold it, without
 * cycles; a 组织部门 only within its subtree, never changing the approval power or a 党委's kind.
 */
@Component
class OrganizationSheet implements RegistrySheet {

  static final Pattern CODE = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  static final String CODE_RULE = "编号只能由字母、数字、下划线和连字符组成";
  /** The longest name of an organization or a person: what fits one line of a form or a certificate. */
  static final int MAX_NAME = 100;

  static final Map<String, String> COLUMNS = SheetReader.columns(
      "id", "编号", "parent_id", "上级编号", "kind", "类型", "name", "名称", "approval_power", "审批权",
      "sort_order", "排序");

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final PersonStageLevels stageLevels;
  private final List<SubtreeFigures> subtreeFigures;

  OrganizationSheet(JdbcTemplate jdbc, OrganizationDirectory directory, PersonStageLevels stageLevels,
      List<SubtreeFigures> subtreeFigures) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.stageLevels = stageLevels;
    this.subtreeFigures = subtreeFigures;
  }

  @Override
  public Map<String, String> columns() {
    return COLUMNS;
  }

  @Override
  public Checked check(List<SheetRow> rows, OrganizationImport.Scope scope) {
    Map<String, Organization> existing = directory.organizationsById();
    Map<String, Organization> incoming = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      String id = row.required("id", "编号");
      if (!id.isEmpty() && !CODE.matcher(id).matches()) {
        row.problem(CODE_RULE);
      }
      String name = row.plainText("name", "名称", MAX_NAME);
      if (name.isEmpty()) {
        row.problem("缺少名称");
      }
      OrganizationKind kind = OrganizationKind.parse(row.get("kind")).orElse(null);
      if (kind == null) {
        row.problem("类型“" + row.get("kind") + "”无效，应为党组、党委、党总支、党支部或党小组");
      }
      boolean approval = row.yesNo("approval_power", "审批权");
      if (approval && kind != null && !kind.mayHoldApprovalPower()) {
        row.problem(kind.label() + "不能拥有发展党员审批权（只有经授权的党委可以审批）");
      }
      int sort = row.integer("sort_order", "排序");
      String parent = row.get("parent_id");
      if (!id.isEmpty() && lineOf.containsKey(id)) {
        row.problem("编号" + id + "与第" + lineOf.get(id) + "行重复");
      }
      if (row.ok()) {
        incoming.put(id, new Organization(id, parent.isEmpty() ? null : parent, kind, name, approval, sort));
        lineOf.put(id, row.line());
      } else {
        errors.addAll(row.errors());
      }
    }
    Map<String, Organization> merged = new HashMap<>(existing);
    merged.putAll(incoming);
    for (Organization o : incoming.values()) {
      int line = lineOf.get(o.id());
      if (o.parentId() != null) {
        Organization parent = merged.get(o.parentId());
        if (parent == null) {
          errors.add(new RowError(line, "上级组织" + o.parentId() + "不存在"));
        } else if (parent.kind().ordinal() > o.kind().ordinal()
            || (parent.kind() == o.kind() && o.kind() != OrganizationKind.COMMITTEE)) {
          errors.add(new RowError(line, o.kind().label() + "不能隶属于" + parent.kind().label()));
        } else if (o.kind() == OrganizationKind.CELL && parent.kind() != OrganizationKind.BRANCH) {
          errors.add(new RowError(line, "党小组必须隶属于党支部"));
        }
        if (createsCycle(o.id(), merged)) {
          errors.add(new RowError(line, "上级关系形成循环"));
        }
      }
      if (!scope.isAll()) {
        Organization before = existing.get(o.id());
        outOfScope(o, before, merged, scope).ifPresent(p -> errors.add(new RowError(line, p)));
        if (before != null && before.kind() != o.kind()
            && (RoleGrants.isCommitteeLevel(before) || RoleGrants.isCommitteeLevel(o))) {
          errors.add(new RowError(line, "不能把" + before.name() + "由" + before.kind().label() + "改为" + o.kind().label()
              + "：党委、党组的设立和撤销由上级党组织决定，请联系系统管理员调整"));
        }
      }
    }
    return new Checked(errors, () -> write(sortedParentsFirst(incoming, merged), existing));
  }

  private OrganizationImport.Result write(List<Organization> parentsFirst, Map<String, Organization> existing) {
    // The tree as it is once other writers of it are held, not as checked: the pipeline is counted anew along it.
    boolean keptCurrent = stageLevels.holdTree();
    Map<String, Organization> before = directory.organizationsById();
    int inserted = 0;
    for (Organization o : parentsFirst) {
      if (existing.containsKey(o.id())) {
        jdbc.update("update pf_organization set parent_id = ?, kind = ?, name = ?, approval_power = ?, sort_order = ?"
            + " where id = ?", o.parentId(), o.kind().name(), o.name(), o.approvalPower(), o.sortOrder(), o.id());
      } else {
        jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
            + " values (?, ?, ?, ?, ?, ?)", o.id(), o.parentId(), o.kind().name(), o.name(), o.approvalPower(),
            o.sortOrder());
        inserted++;
      }
    }
    // A person is counted at every organization above his own: a moved organization moves its people's counts.
    stageLevels.recount(keptCurrent, parentsFirst.stream().map(Organization::id).toList(), before,
        directory.organizationsById());
    // So do the dues and rectification figures kept per subtree.
    subtreeFigures.forEach(SubtreeFigures::rebuild);
    return new OrganizationImport.Result(inserted, parentsFirst.size() - inserted);
  }

  /**
   * Why a 组织部门 may not write this row: an organization outside its subtree, its own unit moved elsewhere, a new
   * organization placed outside, or the power to approve new members changed (granted by the county 组织部门).
   */
  private static Optional<String> outOfScope(Organization row, Organization before, Map<String, Organization> merged,
      OrganizationImport.Scope scope) {
    if (before != null && !scope.covers(before.id())) {
      return Optional.of("组织" + row.id() + "不在您的管理范围内");
    }
    if (row.approvalPower() != (before != null && before.approvalPower())) {
      return Optional.of("发展党员审批权由县级党委组织部门授权，请联系系统管理员调整");
    }
    if (before != null && (before.parentId() == null || !scope.covers(before.parentId()))) {
      return Objects.equals(before.parentId(), row.parentId()) ? Optional.empty()
          : Optional.of("不能调整本单位党组织" + row.id() + "的上级组织");
    }
    Set<String> seen = new HashSet<>();
    for (String p = row.parentId(); p != null && seen.add(p);
        p = merged.containsKey(p) ? merged.get(p).parentId() : null) {
      if (scope.covers(p) && !p.equals(row.id())) {
        return Optional.empty();
      }
    }
    return Optional.of("上级组织" + row.parentId() + "不在您的管理范围内");
  }

  private static boolean createsCycle(String id, Map<String, Organization> all) {
    Set<String> seen = new HashSet<>();
    String current = id;
    while (current != null) {
      if (!seen.add(current)) {
        return true;
      }
      Organization o = all.get(current);
      current = o == null ? null : o.parentId();
    }
    return false;
  }

  private static List<Organization> sortedParentsFirst(Map<String, Organization> incoming,
      Map<String, Organization> all) {
    List<Organization> result = new ArrayList<>(incoming.values());
    result.sort(Comparator.comparingInt(o -> depth(o.id(), all)));
    return result;
  }

  private static int depth(String id, Map<String, Organization> all) {
    int d = 0;
    Organization o = all.get(id);
    while (o != null && o.parentId() != null && d < all.size()) {
      o = all.get(o.parentId());
      d++;
    }
    return d;
  }
}
