package cn.partyflow.roster;

import static cn.partyflow.memberdevelopment.MemberDevelopment.ACTIVIST_DATE;
import static cn.partyflow.memberdevelopment.MemberDevelopment.APPLICANT_ID;
import static cn.partyflow.memberdevelopment.MemberDevelopment.APPLICATION_DATE;
import static cn.partyflow.memberdevelopment.MemberDevelopment.BIRTH_DATE;
import static cn.partyflow.memberdevelopment.MemberDevelopment.DEVELOPMENT_TARGET_DATE;
import static cn.partyflow.memberdevelopment.MemberDevelopment.START_STAGE;

import cn.partyflow.memberdevelopment.MemberDevelopment;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Starts a 发展党员 case for a person of the roster, at the stage the registry says the person has reached, with the
 * registry's dates. The start is the start form's submission made as the signed-in user, so the engine's
 * authorization, the form's rules and every start check of the procedure apply as they do in Tasklist.
 */
@Component
public class MemberDevelopmentLauncher {

  /** Who runs member development in an organization or above it, and so is offered the start. */
  static final Set<Role> STARTERS =
      EnumSet.of(Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZER, Role.ORG_DEPARTMENT);

  /** A start this user may make for this person: the entry stage, the button's text and the start variables. */
  public record Offer(String stage, String label, Map<String, Object> variables) {}

  private final OrganizationDirectory directory;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final FormService forms;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  MemberDevelopmentLauncher(OrganizationDirectory directory, RuntimeService runtime, RepositoryService repository,
      FormService forms, IdentityService identity, AuthorizationService authorizations) {
    this.directory = directory;
    this.runtime = runtime;
    this.repository = repository;
    this.forms = forms;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** The start offered, if the person has none running and the user runs member development for the person. */
  Optional<Offer> offer(Person person, String userId, boolean admin) {
    Optional<Offer> stage = stage(person);
    if (stage.isEmpty() || !mayStart(person, userId, admin) || running(person.id())) {
      return Optional.empty();
    }
    return stage;
  }

  boolean mayStart(Person person, String userId, boolean admin) {
    List<String> groups = groups(userId);
    if (!authorizations.isUserAuthorized(userId, groups, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        MemberDevelopment.PROCESS_KEY)) {
      return false;
    }
    if (admin) {
      return true;
    }
    Set<String> chain = directory.selfAndAncestors(person.orgId()).stream().map(Organization::id)
        .collect(Collectors.toSet());
    return directory.personByUsername(userId).map(me -> directory.roleAssignmentsOf(me.id())).orElse(List.of())
        .stream().anyMatch(r -> chain.contains(r.orgId()) && STARTERS.contains(r.role()));
  }

  boolean running(String personId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(MemberDevelopment.PROCESS_KEY)
        .processInstanceBusinessKey(personId).count() > 0;
  }

  /** Starts the case as the user and answers its process instance id. */
  public String start(Offer offer, String personId, String userId) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(MemberDevelopment.PROCESS_KEY).latestVersion().singleResult();
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(userId, groups(userId));
    try {
      return forms.submitStartForm(definition.getId(), personId, offer.variables()).getId();
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** Where the registry says the person stands; a member or a 预备党员 has no case to start here. */
  public static Optional<Offer> stage(Person p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(APPLICANT_ID, p.id());
    MemberStatus s = p.status();
    if (s == MemberStatus.NON_MEMBER || s == MemberStatus.APPLICANT) {
      v.put(START_STAGE, "APPLICATION");
      return Optional.of(new Offer("APPLICATION", "发起发展党员（从递交入党申请开始）", v));
    }
    if ((s == MemberStatus.ACTIVIST || s == MemberStatus.TARGET) && p.applicationDate() != null
        && p.activistDate() != null && p.birthDate() != null) {
      v.put(APPLICATION_DATE, p.applicationDate().toString());
      v.put(BIRTH_DATE, p.birthDate().toString());
      v.put(ACTIVIST_DATE, p.activistDate().toString());
      if (s == MemberStatus.TARGET && p.targetDate() != null) {
        v.put(START_STAGE, "TARGET");
        v.put(DEVELOPMENT_TARGET_DATE, p.targetDate().toString());
        return Optional.of(new Offer("TARGET", "发起发展党员（从发展对象阶段开始，按名册日期）", v));
      }
      v.put(START_STAGE, "ACTIVIST");
      return Optional.of(new Offer("ACTIVIST", "发起发展党员（从入党积极分子阶段开始，按名册日期）", v));
    }
    return Optional.empty();
  }

  private List<String> groups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
