package cn.partyflow.organization;

import java.util.Map;

/**
 * Whose case a new process instance of one procedure is, told from the variables its start submits. A procedure
 * without one of these is the case of the organization in its {@code orgId} variable. The engine asks before a
 * user's start runs, so that nobody opens a case for an organization they do not act for.
 */
public interface CaseOrganization {

  String processKey();

  /**
   * The organization and what the case is about, in Chinese ("县人民医院内科党支部的潘悦"); refuses with a
   * {@link cn.partyflow.shared.RuleViolation} when the submitted variables do not name a known subject.
   */
  Subject subjectOf(Map<String, Object> startVariables);

  record Subject(String orgId, String description) {}
}
