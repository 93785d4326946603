package cn.partyflow.audit;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * at 100,000 finished cases: the page is cut in the database, and each filter has an index (Camunda's own, plus
 * {@link HistoryIndexes}).
 */
@Service
class CaseSearch {

  /** Variables that name the person a case is about, in the procedures we know of. */
  static final List<String> PERSON_VARIABLES = List.of("applicantName", "memberName");

  record CaseRow(String id, String businessKey, String processKey, String procedureName, Date started, Date ended,
      String state, String orgId, String orgName, String person) {

    public String statusLabel() {
      return CaseSearch.statusLabel(state);
    }
  }

  record CasePage(List<CaseRow> rows, long total, int page, int pageSize) {

    public int pages() {
      return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return (long) (page + 1) * pageSize < total;
    }
  }

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
      return new CasePage(List.of(), 0, page, pageSize);
    }
    Long total = jdbc.queryForObject("select count(*) " + q.from, Long.class, q.args.toArray());
    List<CaseRow> rows = rows(q, pageSize, (long) page * pageSize);
    return new CasePage(rows, total == null ? 0 : total, page, pageSize);
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

  static String statusLabel(String state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case "ACTIVE" -> "办理中";
      case "SUSPENDED" -> "已挂起";
      case "COMPLETED" -> "已办结";
      case "EXTERNALLY_TERMINATED" -> "已撤销";
      case "INTERNALLY_TERMINATED" -> "已终止";
      default -> state;
    };
  }

  private record Query(String from, List<Object> args) {}

  private Query query(CaseCriteria c, Set<String> visibleOrgs) {
    Set<String> orgs = new LinkedHashSet<>(visibleOrgs);
    if (c.orgId() != null) {
      orgs.retainAll(directory.selfAndDescendants(c.orgId()));
    }
    if (orgs.isEmpty()) {
      return null;
    }
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder("from act_hi_procinst p join act_hi_varinst o on o.proc_inst_id_ = p.id_"
        + " and o.name_ = 'orgId' and o.execution_id_ = p.id_ where o.text_ in (" + marks(orgs) + ")");
    args.addAll(orgs);
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
      String like = "%" + escapeLike(c.person()) + "%";
      sql.append(" and (exists (select 1 from act_hi_varinst n where n.proc_inst_id_ = p.id_ and n.name_ in (")
          .append(marks(PERSON_VARIABLES)).append(") and n.text_ like ?)")
          .append(" or p.business_key_ in (select id from pf_person where name like ?))");
      args.addAll(PERSON_VARIABLES);
      args.add(like);
      args.add(like);
    }
    return new Query(sql.toString(), args);
  }

  private List<CaseRow> rows(Query q, int limit, long offset) {
    List<Object> args = new ArrayList<>(q.args);
    args.add(limit);
    args.add(offset);
    record Raw(String id, String businessKey, String processKey, Date started, Date ended, String state,
        String orgId) {}
    List<Raw> raw = jdbc.query("select p.id_ as id, p.business_key_ as bkey, p.proc_def_key_ as dkey,"
            + " p.start_time_ as started, p.end_time_ as ended, p.state_ as state, o.text_ as org " + q.from
            + " order by p.start_time_ desc, p.id_ desc limit ? offset ?",
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

  static LocalDate parseDate(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
