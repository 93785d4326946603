package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.StartFormOptions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 发展党员 start form's applicant list: the people not yet full members in the organizations the starter may
 * open a case for, without a running case, by name with their stage and branch. The start itself is checked again on
 * the server ({@link ApplicantOrganization}, {@link MemberDevelopmentStart}), whatever the list offered.
 */
@Component
class StartableApplicants implements StartFormOptions {

  private final AccessScope scopes;
  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;

  StartableApplicants(AccessScope scopes, OrganizationDirectory directory, JdbcTemplate jdbc) {
    this.scopes = scopes;
    this.directory = directory;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "startableApplicants";
  }

  @Override
  public Map<String, String> options(String username, boolean admin) {
    Set<String> running = new HashSet<>(jdbc.queryForList("select e.business_key_ from act_ru_execution e"
        + " join act_re_procdef d on d.id_ = e.proc_def_id_ where e.id_ = e.proc_inst_id_ and d.key_ = ?",
        String.class, MemberDevelopment.PROCESS_KEY));
    Map<String, String> branches = directory.organizations().stream()
        .collect(Collectors.toMap(Organization::id, Organization::name));
    List<Person> people = directory.people(organizations(username, admin)).stream()
        .filter(p -> p.status() != MemberStatus.FULL_MEMBER && !running.contains(p.id())).toList();
    return PersonLabels.of(people, p -> p.status().label() + "，" + branches.getOrDefault(p.orgId(), ""));
  }

  private Collection<String> organizations(String username, boolean admin) {
    return admin ? directory.organizations().stream().map(Organization::id).toList()
        : scopes.actingOrganizations(username);
  }
}
