package cn.partyflow.organization;

import cn.partyflow.shared.SqlScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * The 党员花名册 as others read it: people found by part of their name, id, stage and organization, and how many
 * people of each organization stand at each stage. The caller passes the organizations the user may see
 * ({@link AccessScope}); nothing outside them is read.
 */
@Service
public class Roster {

  /** What to look for; blank fields do not filter. {@code name} matches any part of the name. */
  public record Criteria(String name, String id, MemberStatus status, String orgId) {}

  /** The stages on the way in that {@link #stageCounts} counts. */
  private static final List<MemberStatus> STAGES = PersonStageLevels.STAGES;

  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;
  private final PersonStageLevels levels;

  Roster(OrganizationDirectory directory, JdbcTemplate jdbc, PersonStageLevels levels) {
    this.directory = directory;
    this.jdbc = jdbc;
    this.levels = levels;
  }

  /**
   * Up to {@code limit} people in {@code visible} matching the criteria, by organization and id. An organization
   * picked in the criteria takes in everything below it.
   */
  public List<Person> search(Collection<String> visible, Criteria criteria, int limit) {
    List<String> orgs = new ArrayList<>(visible);
    if (!blank(criteria.orgId())) {
      orgs.retainAll(directory.selfAndDescendants(criteria.orgId().trim()));
    }
    if (orgs.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder(" where " + SqlScope.anyOf("org_id"));
    List<Object> args = new ArrayList<>(List.of(SqlScope.ids(orgs)));
    if (!blank(criteria.name())) {
      where.append(" and name like ? escape '\\'");
      args.add("%" + escapeLike(criteria.name().trim()) + "%");
    }
    if (!blank(criteria.id())) {
      where.append(" and upper(id) = upper(?)");
      args.add(criteria.id().trim());
    }
    if (criteria.status() != null) {
      where.append(" and status = ?");
      args.add(criteria.status().name());
    }
    args.add(limit);
    return jdbc.query("select " + OrganizationDirectory.PERSON_COLUMNS + " from pf_person" + where
        + " order by org_id, id fetch first ? rows only", OrganizationDirectory.PERSON, args.toArray());
  }

  /**
   * For each organization in {@code orgIds}, the number of its own people at each stage on the way in, 入党申请人 to
   * 预备党员 (absent stages: 0). 正式党员 and 群众 are not counted: they are nearly every row of a province's registry
   * (4,000,000), and the stages are read from the index on (status, org_id) alone.
   */
  public Map<String, Map<MemberStatus, Long>> stageCounts(Collection<String> orgIds) {
    Map<String, Map<MemberStatus, Long>> counts = new HashMap<>();
    if (orgIds.isEmpty()) {
      return counts;
    }
    List<Object> args = new ArrayList<>(STAGES.stream().map(MemberStatus::name).toList());
    String scope = SqlScope.anyOf("org_id", orgIds, args);
    jdbc.query("select org_id, status, count(*) as n from pf_person where status in (" + marks(STAGES)
            + ") and " + scope + " group by org_id, status",
        (RowCallbackHandler) rs -> counts.computeIfAbsent(rs.getString("org_id"), k -> new EnumMap<>(MemberStatus.class))
            .put(MemberStatus.valueOf(rs.getString("status")), rs.getLong("n")),
        args.toArray());
    return counts;
  }

  /**
   * For each organization in {@code orgIds}, the people at each stage on the way in of the organization and
   * everything below it, from the counts kept per level (a handful of rows for a province's cities instead of its
   * 200,000 people on the way in); empty when those counts may not match the tree (see {@link PersonStageLevels}),
   * and the caller sums {@link #stageCounts} instead.
   */
  public Optional<Map<String, Map<MemberStatus, Long>>> stageCountsBelow(Collection<String> orgIds) {
    return levels.below(orgIds);
  }

  private static String marks(Collection<?> values) {
    return values.stream().map(v -> "?").collect(Collectors.joining(","));
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
