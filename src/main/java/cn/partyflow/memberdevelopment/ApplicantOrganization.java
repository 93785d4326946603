package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.CaseOrganization;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.RuleViolation;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** A 发展党员 case belongs to the branch where the registry keeps the applicant, whatever the start submits. */
@Component
class ApplicantOrganization implements CaseOrganization {

  private final PersonRegistry registry;

  ApplicantOrganization(PersonRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String processKey() {
    return MemberDevelopment.PROCESS_KEY;
  }

  @Override
  public Subject subjectOf(Map<String, Object> startVariables) {
    Object submitted = Variables.fromMap(startVariables).get(MemberDevelopment.APPLICANT_ID);
    String applicantId = submitted == null ? "" : submitted.toString().trim();
    if (applicantId.isEmpty()) {
      throw new RuleViolation("memberDevelopment.formRequired", "请选择申请人");
    }
    Person applicant = registry.person(applicantId).orElseThrow(() -> new RuleViolation("memberDevelopment.unknownApplicant",
        "人员名册中没有编号为" + applicantId + "的人员，请先录入"));
    return new Subject(applicant.orgId(),
        registry.organizationName(applicant.orgId()).orElse(applicant.orgId()) + "的" + applicant.name());
  }
}
