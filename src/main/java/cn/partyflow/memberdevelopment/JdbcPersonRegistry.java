package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.PersonStages;
import cn.partyflow.organization.Role;
import cn.partyflow.organization.RoutingService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registry as the member development rules see it, through the organization module's API: pf_person is that module's
 * table, and a stage reached is recorded by its {@link PersonStages}, in the engine's transaction.
 */
@Component
class JdbcPersonRegistry implements PersonRegistry {

  private final OrganizationDirectory directory;
  private final PersonStages stages;
  private final RoutingService routing;

  JdbcPersonRegistry(OrganizationDirectory directory, PersonStages stages, RoutingService routing) {
    this.directory = directory;
    this.stages = stages;
    this.routing = routing;
  }

  @Override
  public Optional<Person> person(String id) {
    return directory.person(id);
  }

  @Override
  public void lock(String personId) {
    stages.lock(personId);
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
    Map<PersonStages.Stage, LocalDate> byStage = new EnumMap<>(PersonStages.Stage.class);
    dates.forEach((stage, date) -> byStage.put(PersonStages.Stage.valueOf(stage.name()), date));
    stages.recordStage(personId, status, byStage);
  }
}
