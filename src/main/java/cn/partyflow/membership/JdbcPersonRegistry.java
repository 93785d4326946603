package cn.partyflow.membership;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoutingService;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * pf_person belongs to the organization feature; this writes only the status and stage-date columns, in the engine's
 * transaction, so a refused task leaves the registry as it was.
 */
@Component
class JdbcPersonRegistry implements PersonRegistry {

  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;
  private final RoutingService routing;

  JdbcPersonRegistry(OrganizationDirectory directory, JdbcTemplate jdbc, RoutingService routing) {
    this.directory = directory;
    this.jdbc = jdbc;
    this.routing = routing;
  }

  @Override
  public Optional<Person> person(String id) {
    return directory.person(id);
  }

  @Override
  public void lock(String personId) {
    jdbc.queryForList("select id from pf_person where id = ? for update", String.class, personId);
  }

  @Override
  public Optional<String> organizationName(String orgId) {
    return directory.organization(orgId).map(Organization::name);
  }

  @Override
  public List<Person> eligibleMembers(String branchId) {
    return directory.people(List.of(branchId)).stream().filter(Person::isFullMemberInGoodStanding).toList();
  }

  @Override
  public List<Person> branchOfficers(String branchId) {
    return holders(branchId, Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZER);
  }

  @Override
  public List<Person> approvalTalkers(String branchId) {
    return holders(routing.approvalOrgId(branchId), Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.PARTY_COMMITTEE,
        Role.ORG_DEPARTMENT);
  }

  @Override
  public String approvingCommittee(String branchId) {
    return routing.approvalOrgId(branchId);
  }

  private List<Person> holders(String orgId, Role... roles) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (Role role : roles) {
      directory.holders(orgId, role).forEach(p -> people.putIfAbsent(p.id(), p));
    }
    return new ArrayList<>(people.values());
  }

  @Override
  public void update(String personId, MemberStatus status, Map<StageDate, LocalDate> dates) {
    StringBuilder sql = new StringBuilder("update pf_person set status = ?");
    List<Object> args = new ArrayList<>(List.of(status.name()));
    List<Integer> types = new ArrayList<>(List.of(Types.VARCHAR));
    dates.forEach((stage, date) -> {
      sql.append(", ").append(stage.column).append(" = ?");
      args.add(date == null ? null : Date.valueOf(date));
      types.add(Types.DATE);
    });
    sql.append(" where id = ?");
    args.add(personId);
    types.add(Types.VARCHAR);
    jdbc.update(sql.toString(), args.toArray(), types.stream().mapToInt(Integer::intValue).toArray());
  }
}
