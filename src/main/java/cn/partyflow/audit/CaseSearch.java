package cn.partyflow.audit;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SqlScope;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds cases of any procedure in Camunda's history. Plain SQL over ACT_HI_PROCINST and ACT_HI_VARINST, because the
 * engine's query API cannot say "orgId is one of these" nor "the applicant's name contains", and both must stay fast
 * at 100,000 finished cases: the page is cut in the database along Camunda's own indexes.
 */
@Service
class CaseSearch {

  /** Variables that name the person a case is about, in the procedures we know of. */
  static final List<String> PERSON_VARIABLES = List.of("applicantName", "memberName");

  record CaseRow(String id, String businessKey, String processKey, String procedureName, Date started, Date ended,
      String state, String orgId, String orgName, String person) {

    public String statusLabel() {
      return CaseStates.label(state);
    }
  }

  /**
   * One page of results. The total is counted up to {@link #COUNT_CAP} only: an exact count of 100,000 cases costs
   * more than the page itself, and an auditor facing more than a thousand narrows the search anyway.
   */
  record CasePage(List<CaseRow> rows, long total, boolean totalCapped, int page, int pageSize, boolean hasNext) {

    public boolean hasPrevious() {
      return page > 0;
    }

    public String totalLabel() {
      return totalCapped ? "超过" + COUNT_CAP : String.valueOf(total);
    }
  }

  static final int COUNT_CAP = 1000;

  /** The cases whose process-level organization is one of an array parameter (pf_idx_hi_varinst_case_org). */
  private static final String CASES_OF_ORGS = "select v.proc_inst_id_ from act_hi_varinst v where v.name_ = 'orgId'"
      + " and v.execution_id_ = v.proc_inst_id_ and " + SqlScope.anyOf("v.text_");

  /** A scope of at most one organization in this many of the registry is searched from its organizations. */
  static final int NARROW = 50;

  /**
   * A scope of at most one organization in this many of the registry (and more than {@link #NARROW}) is walked with the
   * set of its cases at hand: a city of a province, one in twenty.
   */
  static final int MIDDLE = 5;

  private final JdbcTemplate jdbc;
  private final OrganizationDirectory directory;
  private final RepositoryService repository;

  CaseSearch(JdbcTemplate jdbc, OrganizationDirectory directory, RepositoryService repository) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.repository = repository;
  }

  CasePage search(CaseCriteria criteria, Set<String> visibleOrgs, int page, int pageSize) {
    page = Math.max(0, page);
    Query q = query(criteria, visibleOrgs);
    if (q == null) {
      return new CasePage(List.of(), 0, false, page, pageSize, false);
    }
    List<Object> countArgs = new ArrayList<>(q.args);
    countArgs.add(COUNT_CAP + 1);
    Long total = jdbc.queryForObject("select count(*) from (select c.id " + q.countFrom + " limit ?) n", Long.class,
        countArgs.toArray());
    long counted = total == null ? 0 : total;
    List<CaseRow> rows = rows(q, pageSize + 1, (long) page * pageSize);
    boolean hasNext = rows.size() > pageSize;
    return new CasePage(hasNext ? rows.subList(0, pageSize) : rows, Math.min(counted, COUNT_CAP),
        counted > COUNT_CAP, page, pageSize, hasNext);
  }

  /** Every matching case up to {@code limit}, for the spreadsheet export. */
  List<CaseRow> all(CaseCriteria criteria, Set<String> visibleOrgs, int limit) {
    Query q = query(criteria, visibleOrgs);
    return q == null ? List.of() : rows(q, limit, 0);
  }

  /** Procedure names by process key, for the filter and the result list. */
  Map<String, String> procedures() {
    Map<String, String> names = new LinkedHashMap<>();
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName());
    }
    return names;
  }

  /** The cases for a page ({@code from}, in order) and for the capped count ({@code countFrom}), with the same args. */
  private record Query(String from, String countFrom, List<Object> args) {}

  private Query query(CaseCriteria c, Set<String> visibleOrgs) {
    Set<String> orgs = visibleOrgs;
    if (c.orgId() != null) {
      // The scope is closed downwards: an organization in it brings everything below it, kept as the directory
      // marks it (a province's subtree is read as the registry, not as 20,000 ids).
      orgs = visibleOrgs.contains(c.orgId()) ? directory.subtrees(List.of(c.orgId())) : Set.of();
    }
    if (orgs.isEmpty()) {
      return null;
    }
    // The organization is read per case, walking the cases newest first along the start-time index, so for a broad
    // scope (a 党委 and everything below it, or a province) a page is found after a few dozen index look-ups however
    // many cases there are. A narrow one (a branch, one 党委 of a province: under one organization in NARROW) holds
    // too few of the cases for that walk; its cases are found from their organization instead
    // (pf_idx_hi_varinst_case_org), a condition the walk's result meets anyway.
    List<Object> args = new ArrayList<>();
    String columns = "select p.id_ as id, p.business_key_ as bkey, p.proc_def_key_ as dkey,"
        + " p.start_time_ as started, p.end_time_ as ended, p.state_ as state,"
        + " (select max(o.text_) from act_hi_varinst o where o.proc_inst_id_ = p.id_ and o.name_ = 'orgId'"
        + " and o.execution_id_ = p.id_) as org";
    StringBuilder sql = new StringBuilder(columns + " from act_hi_procinst p where 1 = 1");
    String countHead = null;
    long registry = directory.organizations().size();
    if (!SqlScope.isRegistry(orgs) && (long) orgs.size() * NARROW <= registry) {
      sql.append(" and p.id_ in (").append(CASES_OF_ORGS).append(")");
      args.add(SqlScope.ids(orgs));
    } else if (!SqlScope.isRegistry(orgs) && (long) orgs.size() * MIDDLE <= registry) {
      // A middle scope (a city: 50,000 of a province's 1,000,000 cases) walks as a broad one, but each case is first
      // looked up in the set of the scope's cases, read once from pf_idx_hi_varinst_case_org, instead of reading its
      // organization: the walk for a page then reads the organization only of the scope's cases. Wrapped in coalesce
      // so that the database keeps it a hashed set and does not turn it into a join, which would read the start time
      // of every one of the scope's cases to sort them.
      sql.append(" and coalesce(p.id_ in (").append(CASES_OF_ORGS).append("), false)");
      args.add(SqlScope.ids(orgs));
      // The count wants no order: it reads the scope's cases from the index until it has COUNT_CAP + 1, each case once
      // (by its latest process-level orgId row), instead of walking twenty cases for each of the scope's.
      countHead = columns + " from act_hi_varinst v join act_hi_procinst p on p.id_ = v.proc_inst_id_"
          + " where v.name_ = 'orgId' and v.execution_id_ = v.proc_inst_id_ and " + SqlScope.anyOf("v.text_")
          + " and v.id_ = (select max(w.id_) from act_hi_varinst w where w.proc_inst_id_ = v.proc_inst_id_"
          + " and w.name_ = 'orgId' and w.execution_id_ = w.proc_inst_id_)";
    }
    int criteriaFrom = sql.length();
    if (c.businessKey() != null) {
      sql.append(" and p.business_key_ like ?");
      args.add(escapeLike(c.businessKey()) + "%");
    }
    if (c.procedure() != null) {
      sql.append(" and p.proc_def_key_ = ?");
      args.add(c.procedure());
    }
    if (c.status() != null) {
      sql.append(switch (c.status()) {
        case RUNNING -> " and p.end_time_ is null";
        case FINISHED -> " and p.state_ = 'COMPLETED'";
        case CANCELLED -> " and p.state_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";
      });
    }
    if (c.from() != null) {
      sql.append(" and p.start_time_ >= ?");
      args.add(Timestamp.valueOf(c.from().atStartOfDay()));
    }
    if (c.to() != null) {
      sql.append(" and p.start_time_ < ?");
      args.add(Timestamp.valueOf(c.to().plusDays(1).atStartOfDay()));
    }
    if (c.person() != null) {
      // Uncorrelated on purpose: the database reads the few matching names once instead of once per case.
      String like = "%" + escapeLike(c.person()) + "%";
      sql.append(" and (p.id_ in (select n.proc_inst_id_ from act_hi_varinst n where n.name_ in (")
          .append(marks(PERSON_VARIABLES)).append(") and n.text_ like ?)")
          .append(" or p.business_key_ in (select id from pf_person where name like ?))");
      args.addAll(PERSON_VARIABLES);
      args.add(like);
      args.add(like);
    }
    String criteria = sql.substring(criteriaFrom);
    String scope = ") c where " + SqlScope.anyOf("c.org", orgs, args);
    return new Query("from (" + sql + scope, countHead == null ? "from (" + sql + scope
        : "from (" + countHead + criteria + scope, args);
  }

  private List<CaseRow> rows(Query q, int limit, long offset) {
    List<Object> args = new ArrayList<>(q.args);
    args.add(limit);
    args.add(offset);
    record Raw(String id, String businessKey, String processKey, Date started, Date ended, String state,
        String orgId) {}
    List<Raw> raw = jdbc.query("select c.* " + q.from + " order by c.started desc, c.id desc limit ? offset ?",
        (rs, i) -> new Raw(rs.getString("id"), rs.getString("bkey"), rs.getString("dkey"),
            rs.getTimestamp("started"), rs.getTimestamp("ended"), rs.getString("state"), rs.getString("org")),
        args.toArray());
    if (raw.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = personNames(raw.stream().map(Raw::id).toList());
    Map<String, String> procedures = procedures();
    Map<String, Organization> orgs = directory.organizationsById();
    return raw.stream().map(r -> new CaseRow(r.id, r.businessKey, r.processKey,
        procedures.getOrDefault(r.processKey, r.processKey), r.started, r.ended, r.state, r.orgId,
        orgs.containsKey(r.orgId) ? orgs.get(r.orgId).name() : r.orgId,
        names.containsKey(r.id) ? names.get(r.id) : personOfBusinessKey(r.businessKey))).toList();
  }

  private Map<String, String> personNames(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    List<Object> args = new ArrayList<>(ids);
    args.addAll(PERSON_VARIABLES);
    jdbc.query("select proc_inst_id_, text_ from act_hi_varinst where proc_inst_id_ in (" + marks(ids)
            + ") and name_ in (" + marks(PERSON_VARIABLES) + ")",
        rs -> {
          names.putIfAbsent(rs.getString(1), rs.getString(2));
        }, args.toArray());
    return names;
  }

  private String personOfBusinessKey(String businessKey) {
    if (businessKey == null) {
      return "";
    }
    return directory.person(businessKey).map(Person::name).orElse("");
  }

  private static String marks(Collection<?> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(", "));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A date the auditor typed; a wrong one is refused rather than silently dropped from the search. */
  static LocalDate parseDate(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    } catch (RuntimeException e) {
      throw new RuleViolation("audit.date", "日期“" + s + "”无效，应为2025-03-01的格式");
    }
  }
}
