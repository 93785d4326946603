package cn.partyflow.organization;

import cn.partyflow.shared.ImportRefused.RowError;
import cn.partyflow.shared.RowCheck;
import cn.partyflow.shared.SheetReader;
import cn.partyflow.shared.SheetRow;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The people sheet: people upserted by id, each in an organization of the importer's scope, with a login name
 * nobody else holds in any letter case, and the dates of their way into the Party in order. Nobody changes their
 * own login name, nor the login of a holder of a role they could not grant.
 */
@Component
class PersonSheet implements RegistrySheet {

  private static final Pattern LOGIN = Pattern.compile("[a-zA-Z0-9_.-]{2,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("[0-9+() -]+");
  /** The sizes of the email and phone columns of pf_person. */
  static final int MAX_EMAIL = 200;
  static final int MAX_PHONE = 40;

  static final Map<String, String> COLUMNS = SheetReader.columns(
      "id", "编号", "name", "姓名", "gender", "性别", "birth_date", "出生日期", "status", "政治面貌",
      "org_id", "所在组织", "username", "登录名", "email", "邮箱", "phone", "电话",
      "application_date", "申请入党日期", "activist_date", "确定积极分子日期", "target_date", "确定发展对象日期",
      "admission_date", "接收预备党员日期", "full_member_date", "转正日期",
      "on_probation_discipline", "留党察看");

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final IdentityService identity;
  private final RegistryState registry;
  private final PersonStageLevels stageLevels;

  PersonSheet(JdbcTemplate jdbc, OrganizationDirectory directory, IdentityService identity,
      RegistryState registry, PersonStageLevels stageLevels) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.identity = identity;
    this.registry = registry;
    this.stageLevels = stageLevels;
  }

  @Override
  public Map<String, String> columns() {
    return COLUMNS;
  }

  @Override
  public Checked check(List<SheetRow> rows, OrganizationImport.Scope scope) {
    Map<String, Organization> organizations = directory.organizationsById();
    Set<String> orgs = organizations.keySet();
    Map<String, String> currentOrg = registry.organizationOf(rows.stream().map(r -> r.get("id")).toList());
    Map<String, String> currentLogin = new HashMap<>();
    Map<String, Login> logins = new HashMap<>();
    jdbc.query("select id, username from pf_person where username is not null", rs -> {
      currentLogin.put(rs.getString(1), rs.getString(2));
      logins.put(loginKey(rs.getString(2)), new Login(rs.getString(2), rs.getString(1), 0));
    });
    Map<String, String> accounts = new HashMap<>();
    identity.createUserQuery().list().forEach(u -> accounts.put(loginKey(u.getId()), u.getId()));
    RoleGrants grants = registry.grants(scope, organizations);
    Map<String, List<RoleAssignment>> rolesOf = new HashMap<>();
    directory.roleAssignments().forEach(a -> rolesOf.computeIfAbsent(a.personId(), k -> new ArrayList<>()).add(a));
    Map<String, Integer> lineOf = new HashMap<>();
    List<Person> people = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    for (SheetRow sheetRow : rows) {
      RowCheck row = sheetRow.check();
      String id = row.required("id", "编号");
      if (!id.isEmpty() && !OrganizationSheet.CODE.matcher(id).matches()) {
        row.problem(OrganizationSheet.CODE_RULE);
      }
      if (!id.isEmpty() && lineOf.containsKey(id)) {
        row.problem("编号" + id + "与第" + lineOf.get(id) + "行重复");
      }
      String name = row.plainText("name", "姓名", OrganizationSheet.MAX_NAME);
      if (name.isEmpty()) {
        row.problem("缺少姓名");
      }
      String gender = row.get("gender").strip();
      if (!gender.isEmpty() && !gender.equals("男") && !gender.equals("女")) {
        row.problem("性别应填“男”或“女”");
      }
      String email = row.plainText("email", "邮箱", MAX_EMAIL);
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        row.problem("邮箱格式不正确，应为name@example.cn的格式");
      }
      String phone = row.plainText("phone", "电话", MAX_PHONE);
      if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
        row.problem("电话只能包含数字、空格、加号、连字符和括号");
      }
      MemberStatus status = MemberStatus.parse(row.get("status")).orElse(null);
      if (status == null) {
        row.problem("政治面貌“" + row.get("status") + "”无效，应为群众、入党申请人、入党积极分子、发展对象、预备党员或正式党员");
      }
      String org = row.required("org_id", "所在组织");
      if (!org.isEmpty() && !orgs.contains(org)) {
        row.problem("所在组织" + org + "不存在");
      } else if (!org.isEmpty() && !scope.covers(org)) {
        row.problem("所在组织" + org + "不在您的管理范围内");
      }
      if (currentOrg.containsKey(id) && !scope.covers(currentOrg.get(id))) {
        row.problem("人员" + id + "的组织关系在" + currentOrg.get(id) + "，不在您的管理范围内；转接组织关系请由系统管理员办理");
      }
      String username = row.get("username");
      if (!username.isEmpty()) {
        if (!LOGIN.matcher(username).matches()) {
          row.problem("登录名只能由字母、数字、下划线、点和连字符组成");
        } else {
          loginTaken(username, id, logins, accounts).ifPresentOrElse(row::problem,
              () -> logins.put(loginKey(username), new Login(username, id, row.line())));
        }
      }
      if (currentOrg.containsKey(id) && !Objects.equals(currentLogin.get(id), blankToNull(username))) {
        if (grants.isOwn(id)) {
          row.problem("不能修改本人的登录名，请由上级组织部门或系统管理员办理");
        } else {
          rolesOf.getOrDefault(id, List.of()).forEach(a -> grants.refusalToChangeLogin(a).ifPresent(row::problem));
        }
      }
      LocalDate birth = row.date("birth_date", "出生日期");
      LocalDate application = row.date("application_date", "申请入党日期");
      LocalDate activist = row.date("activist_date", "确定积极分子日期");
      LocalDate target = row.date("target_date", "确定发展对象日期");
      LocalDate admission = row.date("admission_date", "接收预备党员日期");
      LocalDate full = row.date("full_member_date", "转正日期");
      row.notBefore("申请入党日期", application, "出生日期", birth);
      row.notBefore("确定积极分子日期", activist, "申请入党日期", application);
      row.notBefore("确定发展对象日期", target, "确定积极分子日期", activist);
      row.notBefore("接收预备党员日期", admission, "确定发展对象日期", target);
      row.notBefore("转正日期", full, "接收预备党员日期", admission);
      boolean discipline = row.yesNo("on_probation_discipline", "留党察看");
      if (row.ok()) {
        lineOf.put(id, row.line());
        people.add(new Person(id, name, blankToNull(gender), birth, status, org, blankToNull(username),
            blankToNull(email), blankToNull(phone), application, activist, target, admission, full, discipline));
      } else {
        errors.addAll(row.errors());
      }
    }
    return new Checked(errors, () -> write(people));
  }

  private OrganizationImport.Result write(List<Person> people) {
    boolean keptCurrent = stageLevels.holdTree();
    // Where the people are once other imports are held, not as checked: the organizations they leave are counted anew.
    Map<String, String> currentOrg = registry.organizationOf(people.stream().map(Person::id).toList());
    Set<String> changedOrgs = new HashSet<>();
    int inserted = 0;
    for (Person p : people) {
      Object[] args = {p.name(), p.gender(), sql(p.birthDate()), p.status().name(), p.orgId(), p.username(), p.email(),
          p.phone(), sql(p.applicationDate()), sql(p.activistDate()), sql(p.targetDate()), sql(p.admissionDate()),
          sql(p.fullMemberDate()), p.onProbationDiscipline(), p.id()};
      changedOrgs.add(p.orgId());
      if (currentOrg.containsKey(p.id())) {
        changedOrgs.add(currentOrg.get(p.id()));
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
    // An import may move many people between stages and organizations: the organizations they left or joined, and
    // those above, counted anew once, set-based.
    Map<String, Organization> tree = directory.organizationsById();
    stageLevels.recount(keptCurrent, changedOrgs, tree, tree);
    return new OrganizationImport.Result(inserted, people.size() - inserted);
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Date sql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
