package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organizations, people and role assignments from CSV or XLSX. Every row is checked first; a file with
 * any bad row is refused whole, naming each bad row, and changes nothing. Rows are upserted by id.
 */
@Service
public class OrganizationImport {

  private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_.-]{2,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("[0-9+() -]+");

  /** The longest name of an organization or a person: what fits one line of a form or a certificate. */
  static final int MAX_NAME = 100;
  /** The sizes of the email and phone columns of pf_person. */
  static final int MAX_EMAIL = 200;
  static final int MAX_PHONE = 40;

  static final Map<String, String> ORGANIZATION_COLUMNS = aliases(
      "id", "编号", "parent_id", "上级编号", "kind", "类型", "name", "名称", "approval_power", "审批权",
      "sort_order", "排序");
  static final Map<String, String> PERSON_COLUMNS = aliases(
      "id", "编号", "name", "姓名", "gender", "性别", "birth_date", "出生日期", "status", "政治面貌",
      "org_id", "所在组织", "username", "登录名", "email", "邮箱", "phone", "电话",
      "application_date", "申请入党日期", "activist_date", "确定积极分子日期", "target_date", "确定发展对象日期",
      "admission_date", "接收预备党员日期", "full_member_date", "转正日期",
      "on_probation_discipline", "留党察看");
  static final Map<String, String> ROLE_COLUMNS = aliases(
      "org_id", "组织编号", "person_id", "人员编号", "role", "职务");

  /** What an import did. */
  public record Result(int inserted, int updated) {}

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final IdentitySync identitySync;
  private final IdentityService identity;
  private final SheetReader sheets;

  OrganizationImport(JdbcTemplate jdbc, OrganizationDirectory directory, IdentitySync identitySync,
      IdentityService identity, SheetReader sheets) {
    this.jdbc = jdbc;
    this.sheets = sheets;
    this.directory = directory;
    this.identitySync = identitySync;
    this.identity = identity;
  }

  /**
   * The organizations an import may touch: every one (the administrator, or {@link #ALL} for the demo seed), or the
   * subtree of the 党委 or 党组 whose 组织部门 imports. Rows about anything outside are refused, naming the row.
   * The importer is the login whose own roles and login name the import may not change; null for the demo seed.
   */
  public record Scope(Set<String> organizations, String importer) {
    public static final Scope ALL = new Scope(null, null);

    public static Scope administrator(String importer) {
      return new Scope(null, importer);
    }

    public static Scope organizationDepartment(Set<String> organizations, String importer) {
      return new Scope(Set.copyOf(organizations), Objects.requireNonNull(importer));
    }

    boolean covers(String orgId) {
      return organizations == null || organizations.contains(orgId);
    }

    boolean isAll() {
      return organizations == null;
    }
  }

  public Result importOrganizations(String filename, byte[] content) {
    return importOrganizations(filename, content, Scope.ALL);
  }

  public Result importPeople(String filename, byte[] content) {
    return importPeople(filename, content, Scope.ALL);
  }

  public Result importRoles(String filename, byte[] content) {
    return importRoles(filename, content, Scope.ALL);
  }

  @Transactional
  public Result importOrganizations(String filename, byte[] content, Scope scope) {
    List<SheetRow> rows = sheets.read(filename, content, ORGANIZATION_COLUMNS);
    Map<String, Organization> existing = directory.organizationsById();
    Map<String, Organization> incoming = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow row : rows) {
      List<String> problems = new ArrayList<>();
      String id = required(row, "id", "编号", problems);
      if (!id.isEmpty() && !CODE.matcher(id).matches()) {
        problems.add("编号只能由字母、数字、下划线和连字符组成");
      }
      String name = text(row, "name", "名称", MAX_NAME, problems);
      if (name.isEmpty()) {
        problems.add("缺少名称");
      }
      OrganizationKind kind = OrganizationKind.parse(row.get("kind")).orElse(null);
      if (kind == null) {
        problems.add("类型“" + row.get("kind") + "”无效，应为党组、党委、党总支、党支部或党小组");
      }
      boolean approval = bool(row.get("approval_power"), "审批权", problems);
      if (approval && kind != null && !kind.mayHoldApprovalPower()) {
        problems.add(kind.label() + "不能拥有发展党员审批权（只有经授权的党委可以审批）");
      }
      int sort = integer(row.get("sort_order"), problems);
      String parent = row.get("parent_id");
      if (!id.isEmpty() && lineOf.containsKey(id)) {
        problems.add("编号" + id + "与第" + lineOf.get(id) + "行重复");
      }
      if (problems.isEmpty()) {
        incoming.put(id, new Organization(id, parent.isEmpty() ? null : parent, kind, name, approval, sort));
        lineOf.put(id, row.line());
      } else {
        problems.forEach(p -> errors.add(new RowError(row.line(), p)));
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
    refuseIfAny(errors);
    int inserted = 0;
    for (Organization o : sortedParentsFirst(incoming, merged)) {
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
    identitySync.sync();
    return new Result(inserted, incoming.size() - inserted);
  }

  @Transactional
  public Result importPeople(String filename, byte[] content, Scope scope) {
    List<SheetRow> rows = sheets.read(filename, content, PERSON_COLUMNS);
    Map<String, Organization> organizations = directory.organizationsById();
    Set<String> orgs = organizations.keySet();
    Map<String, String> currentOrg = organizationOfEveryPerson();
    Map<String, String> currentLogin = new HashMap<>();
    Map<String, Login> logins = new HashMap<>();
    jdbc.query("select id, username from pf_person where username is not null", rs -> {
      currentLogin.put(rs.getString(1), rs.getString(2));
      logins.put(loginKey(rs.getString(2)), new Login(rs.getString(2), rs.getString(1), 0));
    });
    Map<String, String> accounts = new HashMap<>();
    identity.createUserQuery().list().forEach(u -> accounts.put(loginKey(u.getId()), u.getId()));
    RoleGrants grants = grants(scope, organizations);
    Map<String, List<RoleAssignment>> rolesOf = new HashMap<>();
    directory.roleAssignments().forEach(a -> rolesOf.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
    Map<String, Integer> lineOf = new HashMap<>();
    List<Person> people = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow row : rows) {
      List<String> problems = new ArrayList<>();
      String id = required(row, "id", "编号", problems);
      if (!id.isEmpty() && !CODE.matcher(id).matches()) {
        problems.add("编号只能由字母、数字、下划线和连字符组成");
      }
      if (!id.isEmpty() && lineOf.containsKey(id)) {
        problems.add("编号" + id + "与第" + lineOf.get(id) + "行重复");
      }
      String name = text(row, "name", "姓名", MAX_NAME, problems);
      if (name.isEmpty()) {
        problems.add("缺少姓名");
      }
      String gender = row.get("gender").strip();
      if (!gender.isEmpty() && !gender.equals("男") && !gender.equals("女")) {
        problems.add("性别应填“男”或“女”");
      }
      String email = text(row, "email", "邮箱", MAX_EMAIL, problems);
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        problems.add("邮箱格式不正确，应为name@example.cn的格式");
      }
      String phone = text(row, "phone", "电话", MAX_PHONE, problems);
      if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
        problems.add("电话只能包含数字、空格、加号、连字符和括号");
      }
      MemberStatus status = MemberStatus.parse(row.get("status")).orElse(null);
      if (status == null) {
        problems.add("政治面貌“" + row.get("status") + "”无效，应为群众、入党申请人、入党积极分子、发展对象、预备党员或正式党员");
      }
      String org = required(row, "org_id", "所在组织", problems);
      if (!org.isEmpty() && !orgs.contains(org)) {
        problems.add("所在组织" + org + "不存在");
      } else if (!org.isEmpty() && !scope.covers(org)) {
        problems.add("所在组织" + org + "不在您的管理范围内");
      }
      if (currentOrg.containsKey(id) && !scope.covers(currentOrg.get(id))) {
        problems.add("人员" + id + "的组织关系在" + currentOrg.get(id) + "，不在您的管理范围内；转接组织关系请由系统管理员办理");
      }
      String username = row.get("username");
      if (!username.isEmpty()) {
        if (!LOGIN.matcher(username).matches()) {
          problems.add("登录名只能由字母、数字、下划线、点和连字符组成");
        } else {
          loginTaken(username, id, logins, accounts).ifPresentOrElse(problems::add,
              () -> logins.put(loginKey(username), new Login(username, id, row.line())));
        }
      }
      if (currentOrg.containsKey(id) && !Objects.equals(currentLogin.get(id), blankToNull(username))) {
        if (grants.isOwn(id)) {
          problems.add("不能修改本人的登录名，请由上级组织部门或系统管理员办理");
        } else {
          rolesOf.getOrDefault(id, List.of()).forEach(a -> grants.refusalToChangeLogin(a).ifPresent(problems::add));
        }
      }
      LocalDate birth = date(row, "birth_date", "出生日期", problems);
      LocalDate application = date(row, "application_date", "申请入党日期", problems);
      LocalDate activist = date(row, "activist_date", "确定积极分子日期", problems);
      LocalDate target = date(row, "target_date", "确定发展对象日期", problems);
      LocalDate admission = date(row, "admission_date", "接收预备党员日期", problems);
      LocalDate full = date(row, "full_member_date", "转正日期", problems);
      inOrder(problems, "出生日期", birth, "申请入党日期", application);
      inOrder(problems, "申请入党日期", application, "确定积极分子日期", activist);
      inOrder(problems, "确定积极分子日期", activist, "确定发展对象日期", target);
      inOrder(problems, "确定发展对象日期", target, "接收预备党员日期", admission);
      inOrder(problems, "接收预备党员日期", admission, "转正日期", full);
      boolean discipline = bool(row.get("on_probation_discipline"), "留党察看", problems);
      if (problems.isEmpty()) {
        lineOf.put(id, row.line());
        people.add(new Person(id, name, blankToNull(gender), birth, status, org, blankToNull(username),
            blankToNull(email), blankToNull(phone), application, activist, target, admission, full, discipline));
      } else {
        problems.forEach(p -> errors.add(new RowError(row.line(), p)));
      }
    }
    refuseIfAny(errors);
    int inserted = 0;
    for (Person p : people) {
      Object[] args = {p.name(), p.gender(), sql(p.birthDate()), p.status().name(), p.orgId(), p.username(), p.email(),
          p.phone(), sql(p.applicationDate()), sql(p.activistDate()), sql(p.targetDate()), sql(p.admissionDate()),
          sql(p.fullMemberDate()), p.onProbationDiscipline(), p.id()};
      if (currentOrg.containsKey(p.id())) {
        jdbc.update("update pf_person set name = ?, gender = ?, birth_date = ?, status = ?, org_id = ?, username = ?,"
            + " email = ?, phone = ?, application_date = ?, activist_date = ?, target_date = ?, admission_date = ?,"
            + " full_member_date = ?, on_probation_discipline = ? where id = ?", args);
      } else {
        jdbc.update("insert into pf_person (name, gender, birth_date, status, org_id, username, email, phone,"
            + " application_date, activist_date, target_date, admission_date, full_member_date,"
            + " on_probation_discipline, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        inserted++;
      }
    }
    identitySync.sync();
    return new Result(inserted, people.size() - inserted);
  }

  /**
   * Role assignments per organization in the file replace that organization's assignments. Every role the file
   * grants and every role it removes is checked against the importer ({@link RoleGrants}); roles kept as they were
   * are not.
   */
  @Transactional
  public Result importRoles(String filename, byte[] content, Scope scope) {
    List<SheetRow> rows = sheets.read(filename, content, ROLE_COLUMNS);
    Map<String, Organization> organizations = directory.organizationsById();
    Set<String> orgs = organizations.keySet();
    Map<String, String> people = organizationOfEveryPerson();
    RoleGrants grants = grants(scope, organizations);
    Set<RoleAssignment> current = new HashSet<>(directory.roleAssignments());
    Map<String, Integer> firstLineOf = new HashMap<>();
    List<RoleAssignment> assignments = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow row : rows) {
      List<String> problems = new ArrayList<>();
      String org = required(row, "org_id", "组织编号", problems);
      String person = required(row, "person_id", "人员编号", problems);
      Role role = Role.parse(row.get("role")).orElse(null);
      if (role == null) {
        problems.add("职务“" + row.get("role") + "”无效");
      }
      if (!org.isEmpty() && !orgs.contains(org)) {
        problems.add("组织" + org + "不存在");
      } else if (!org.isEmpty() && !scope.covers(org)) {
        problems.add("组织" + org + "不在您的管理范围内");
      }
      if (!person.isEmpty() && !people.containsKey(person)) {
        problems.add("人员" + person + "不存在");
      } else if (!person.isEmpty() && !scope.covers(people.get(person))) {
        problems.add("人员" + person + "不在您的管理范围内");
      }
      if (problems.isEmpty() && !seen.add(org + "/" + person + "/" + role)) {
        problems.add("与前面的行重复");
      }
      if (orgs.contains(org) && scope.covers(org)) {
        firstLineOf.putIfAbsent(org, row.line());
      }
      if (problems.isEmpty()) {
        RoleAssignment a = new RoleAssignment(org, person, role);
        if (!current.contains(a)) {
          grants.refusalToGrant(a).ifPresent(problems::add);
        }
        assignments.add(a);
      }
      problems.forEach(p -> errors.add(new RowError(row.line(), p)));
    }
    Set<RoleAssignment> wanted = new HashSet<>(assignments);
    current.stream().filter(a -> firstLineOf.containsKey(a.orgId()) && !wanted.contains(a))
        .sorted(Comparator.comparing(RoleAssignment::orgId).thenComparing(RoleAssignment::role)
            .thenComparing(RoleAssignment::personId))
        .forEach(a -> grants.refusalToRemove(a)
            .ifPresent(p -> errors.add(new RowError(firstLineOf.get(a.orgId()), p))));
    errors.sort(Comparator.comparingInt(RowError::line));
    refuseIfAny(errors);
    Set<String> replaced = new HashSet<>();
    assignments.forEach(a -> replaced.add(a.orgId()));
    int removed = 0;
    for (String org : replaced) {
      removed += jdbc.update("delete from pf_role_assignment where org_id = ?", org);
    }
    for (RoleAssignment a : assignments) {
      jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, ?, ?)", a.orgId(),
          a.personId(), a.role().name());
    }
    identitySync.sync();
    return new Result(assignments.size(), removed);
  }

  /**
   * Puts an elected committee into the registry: the roles in {@code replaced} of the organization become exactly
   * {@code committee} (other roles, such as 党费管理员 or 组织部门干事, stay). Checked as an import of the same rows
   * by {@code approver}: every holder a person of the organization or below it, nobody granting or removing a role
   * of their own, and the leading offices of a 党委 only by the administrator or the 组织部门 of the level above.
   * Routing reads the new holders for every task created afterwards.
   */
  @Transactional
  public void installCommittee(String orgId, List<RoleAssignment> committee, Set<Role> replaced, String approver) {
    Map<String, Organization> organizations = directory.organizationsById();
    if (!organizations.containsKey(orgId)) {
      throw new cn.partyflow.shared.RuleViolation("organization.unknownOrganization", "组织" + orgId + "不存在");
    }
    Set<String> subtree = directory.selfAndDescendants(orgId);
    Map<String, String> people = organizationOfEveryPerson();
    boolean admin = approver != null && identity.createUserQuery().userId(approver).memberOfGroup(Groups.ADMINS)
        .count() > 0;
    Scope scope = admin ? Scope.administrator(approver) : new Scope(subtree, approver);
    RoleGrants grants = grants(scope, organizations);
    List<String> problems = new ArrayList<>();
    for (RoleAssignment a : committee) {
      if (!a.orgId().equals(orgId) || !replaced.contains(a.role())) {
        problems.add("选举只产生" + organizations.get(orgId).name() + "的委员职务，不能任命" + a.role().label());
      } else if (!subtree.contains(people.get(a.personId()))) {
        problems.add("人员" + a.personId() + "不是" + organizations.get(orgId).name() + "的党员");
      }
    }
    Set<RoleAssignment> current = new HashSet<>(directory.roleAssignments());
    Set<RoleAssignment> wanted = new HashSet<>(committee);
    committee.stream().filter(a -> !current.contains(a))
        .forEach(a -> grants.refusalToGrant(a).ifPresent(problems::add));
    current.stream().filter(a -> a.orgId().equals(orgId) && replaced.contains(a.role()) && !wanted.contains(a))
        .forEach(a -> grants.refusalToRemove(a).ifPresent(problems::add));
    if (!problems.isEmpty()) {
      throw new cn.partyflow.shared.RuleViolation("organization.committeeInstall", String.join("；", problems));
    }
    for (Role role : replaced) {
      jdbc.update("delete from pf_role_assignment where org_id = ? and role = ?", orgId, role.name());
    }
    for (RoleAssignment a : wanted) {
      jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, ?, ?)", a.orgId(),
          a.personId(), a.role().name());
    }
    identitySync.sync();
  }

  /**
   * Why a 组织部门 may not write this row: an organization outside its subtree, its own unit moved elsewhere, a new
   * organization placed outside, or the power to approve new members changed (granted by the county 组织部门).
   */
  private static Optional<String> outOfScope(Organization row, Organization before, Map<String, Organization> merged,
      Scope scope) {
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

  /** What the importer may grant: read from the roles as they stand before the import. */
  private RoleGrants grants(Scope scope, Map<String, Organization> organizations) {
    Optional<Person> importer = Optional.ofNullable(scope.importer()).flatMap(directory::personByUsername);
    Set<String> departments = new HashSet<>();
    importer.ifPresent(p -> directory.roleAssignmentsOf(p.id()).stream()
        .filter(a -> a.role() == Role.ORG_DEPARTMENT && organizations.containsKey(a.orgId())
            && RoleGrants.isCommitteeLevel(organizations.get(a.orgId())))
        .forEach(a -> departments.add(a.orgId())));
    return new RoleGrants(organizations, scope.isAll(), importer.map(Person::id).orElse(null), departments);
  }

  /** A login name as it is compared: login names are unique regardless of case. */
  private static String loginKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  /** A login name held by a person (line 0) or given on an earlier line of the file. */
  private record Login(String username, String personId, int line) {}

  /**
   * Why a person may not take this login name, if they may not: another person or a system account (such as the
   * administrator) holds it, or the same name in other letter case, or it would change only the case of the
   * person's own name (two accounts differing in case would then exist).
   */
  private static Optional<String> loginTaken(String username, String personId, Map<String, Login> logins,
      Map<String, String> accounts) {
    String key = loginKey(username);
    Login held = logins.get(key);
    if (held != null && !held.personId().equals(personId)) {
      if (held.line() > 0) {
        return Optional.of("登录名" + username + "与第" + held.line() + "行的登录名" + held.username() + "重复（登录名不区分大小写）");
      }
      return Optional.of("登录名" + username + "已被人员" + held.personId() + "使用"
          + (held.username().equals(username) ? "" : "（" + held.username() + "，登录名不区分大小写）"));
    }
    if (held != null && !held.username().equals(username)) {
      return Optional.of("登录名" + username + "与原登录名" + held.username() + "只有大小写不同；登录名不区分大小写，请另选登录名");
    }
    if (held == null && accounts.containsKey(key)) {
      String account = accounts.get(key);
      return Optional.of("登录名" + username + "已被系统账户使用"
          + (account.equals(username) ? "" : "（" + account + "，登录名不区分大小写）") + "，请另选登录名");
    }
    return Optional.empty();
  }

  /**
   * A free-text column as plain text: trimmed (full-width spaces too), without markup or control characters (names
   * reach forms and pages), and no longer than its column.
   */
  private static String text(SheetRow row, String column, String label, int max, List<String> problems) {
    String v = row.get(column).strip();
    if (v.indexOf('<') >= 0 || v.indexOf('>') >= 0) {
      problems.add(label + "不能包含“<”或“>”，只能填写纯文本");
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(label + "不能包含换行、制表符等控制字符");
    }
    if (v.length() > max) {
      problems.add(label + "最多" + max + "个字，现为" + v.length() + "个字");
    }
    return v;
  }

  /** Every person's id with the organization holding their 组织关系. */
  private Map<String, String> organizationOfEveryPerson() {
    Map<String, String> orgOf = new HashMap<>();
    jdbc.query("select id, org_id from pf_person", rs -> {
      orgOf.put(rs.getString(1), rs.getString(2));
    });
    return orgOf;
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
    result.sort(java.util.Comparator.comparingInt(o -> depth(o.id(), all)));
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

  private static void refuseIfAny(List<RowError> errors) {
    if (!errors.isEmpty()) {
      throw new ImportRefused(errors);
    }
  }

  private static String required(SheetRow row, String column, String label, List<String> problems) {
    String v = row.get(column);
    if (v.isEmpty()) {
      problems.add("缺少" + label);
    }
    return v;
  }

  private static boolean bool(String text, String label, List<String> problems) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "", "否", "false", "0", "n", "no" -> false;
      case "是", "true", "1", "y", "yes" -> true;
      default -> {
        problems.add(label + "应填“是”或“否”，而不是“" + text + "”");
        yield false;
      }
    };
  }

  private static int integer(String text, List<String> problems) {
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problems.add("排序应为整数，而不是“" + text + "”");
      return 0;
    }
  }

  private static LocalDate date(SheetRow row, String column, String label, List<String> problems) {
    String v = row.get(column);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v.replace('/', '-'));
    } catch (DateTimeParseException e) {
      problems.add(label + "“" + v + "”不是有效日期，应为2025-03-01的格式");
      return null;
    }
  }

  private static void inOrder(List<String> problems, String earlierLabel, LocalDate earlier, String laterLabel,
      LocalDate later) {
    if (earlier != null && later != null && later.isBefore(earlier)) {
      problems.add(laterLabel + "不能早于" + earlierLabel);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static Map<String, String> aliases(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i]);
      m.put(pairs[i + 1], pairs[i]);
    }
    return m;
  }
}
