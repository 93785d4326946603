package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.StartFormOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The 入党介绍人 list of the 发展党员 start form, for a case entered at a late stage: the full members in good
 * standing of the organizations the starter acts for, by name and branch. The start form is served before the
 * applicant is chosen, so the list cannot be narrowed to the applicant's branch; the rules check each sponsor.
 */
@Component
class SponsorCandidates implements StartFormOptions {

  private final AccessScope scopes;
  private final OrganizationDirectory directory;

  SponsorCandidates(AccessScope scopes, OrganizationDirectory directory) {
    this.scopes = scopes;
    this.directory = directory;
  }

  @Override
  public String name() {
    return "sponsorCandidates";
  }

  @Override
  public Map<String, String> options(String username, boolean admin) {
    Map<String, String> branches = directory.organizations().stream()
        .collect(Collectors.toMap(Organization::id, Organization::name));
    List<Person> members = directory.people(admin ? branches.keySet() : scopes.actingOrganizations(username))
        .stream().filter(Person::isFullMemberInGoodStanding).toList();
    return PersonLabels.of(members, p -> branches.getOrDefault(p.orgId(), ""));
  }
}
