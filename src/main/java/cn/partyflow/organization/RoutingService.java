package cn.partyflow.organization;

import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers "who must do this?" as a Camunda candidate group, for BPMN expressions such as
 * {@code ${routing.group(orgId, 'organizer')}}. A vacant role goes one level up, and the reason is recorded;
 * no task is ever routed to nobody. Holders are read when the task is created, so a changed role assignment
 * reaches new tasks without a redeploy.
 */
@Component("routing")
public class RoutingService {

  private final OrganizationDirectory directory;
  private final JdbcTemplate jdbc;

  RoutingService(OrganizationDirectory directory, JdbcTemplate jdbc) {
    this.directory = directory;
    this.jdbc = jdbc;
  }

  /** Role {@code roleCode} of organization {@code orgId}, or of the nearest organization above it that has a holder. */
  public String group(String orgId, String roleCode) {
    Role role = role(roleCode);
    List<Organization> chain = chain(orgId);
    Organization requested = chain.get(0);
    for (Organization org : chain) {
      if (!directory.isVacant(org.id(), role)) {
        if (org != requested) {
          record(orgId, role, Groups.roleGroup(org.id(), role), String.format("%s%s空缺，转由上级%s%s办理",
              requested.name(), role.label(), org.name(), role.label()));
        }
        return Groups.roleGroup(org.id(), role);
      }
    }
    for (Organization org : chain) {
      if (role != Role.SECRETARY && !directory.isVacant(org.id(), Role.SECRETARY)) {
        String group = Groups.roleGroup(org.id(), Role.SECRETARY);
        record(orgId, role, group, String.format("%s及其上级组织均无%s，转由%s书记办理", requested.name(), role.label(),
            org.name()));
        return group;
      }
    }
    record(orgId, role, Groups.ADMINS, String.format("%s及其上级组织均无%s和书记，转由系统管理员处理", requested.name(),
        role.label()));
    return Groups.ADMINS;
  }

  /**
   * Role {@code roleCode} of the nearest 党委 at or above {@code orgId} that holds the power to approve new members.
   * A 党组 or 党总支 never does.
   */
  public String approvalGroup(String orgId, String roleCode) {
    return group(approvalOrgId(orgId), roleCode);
  }

  /** The id of the nearest organization at or above {@code orgId} that may approve new members. */
  public String approvalOrgId(String orgId) {
    return chain(orgId).stream()
        .filter(o -> o.kind().mayHoldApprovalPower() && o.approvalPower())
        .findFirst()
        .map(Organization::id)
        .orElseThrow(() -> new RuleViolation("organization.approvalPower",
            "组织" + orgId + "及其上级均无发展党员审批权的党委，请先在组织设置中指定有审批权的党委"
                + "（党组、党总支不能审批接收预备党员）"));
  }

  /** The organization's name, for task names and documents. */
  public String orgName(String orgId) {
    return directory.organization(orgId)
        .orElseThrow(() -> new RuleViolation("organization.unknownOrganization", "组织" + orgId + "不存在")).name();
  }

  private List<Organization> chain(String orgId) {
    List<Organization> chain = directory.selfAndAncestors(orgId);
    if (chain.isEmpty()) {
      throw new RuleViolation("organization.unknownOrganization", "组织" + orgId + "不存在");
    }
    return chain;
  }

  private static Role role(String code) {
    return Role.parse(code).orElseThrow(() -> new RuleViolation("organization.unknownRole", "未知的职务：" + code));
  }

  private void record(String orgId, Role role, String group, String reason) {
    jdbc.update("insert into pf_routing_log (routed_at, process_instance_id, requested_org_id, role, group_id, reason)"
            + " values (?, ?, ?, ?, ?, ?)",
        Timestamp.from(ChinaClock.now()), currentProcessInstanceId(), orgId, role.name(), group, reason);
  }

  private static String currentProcessInstanceId() {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
  }

  /** Why tasks of a case went elsewhere than asked, oldest first. */
  public List<String> reasons(String processInstanceId) {
    return jdbc.queryForList("select reason from pf_routing_log where process_instance_id = ? order by id",
        String.class, processInstanceId);
  }
}
