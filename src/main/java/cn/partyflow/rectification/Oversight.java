package cn.partyflow.rectification;

import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.organization.RoutingService;
import cn.partyflow.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The body a case answers to, which reviews its plan, accepts (销号) its items and receives its report: for a 巡察
 * the county 巡察办 (the {@code inspection} role of {@code partyflow.rectification.inspection-office}), or the joint
 * team of that organization's 巡察办, 纪委 and 组织部门; for a 民主生活会 or 组织生活会 problem list the 党委 (or 党组)
 * above the organization, through its 组织部门 and 纪委. The inspected organization never accepts its own items.
 * Groups come from the routing service, so a vacant role goes up as every task's does.
 */
@Component
class Oversight {

  private final RoutingService routing;
  private final OrganizationDirectory directory;
  private final RectificationSettings settings;

  Oversight(RoutingService routing, OrganizationDirectory directory, RectificationSettings settings) {
    this.routing = routing;
    this.directory = directory;
    this.settings = settings;
  }

  /** The candidate groups, comma-separated as a BPMN candidateGroups expression takes them. */
  String groups(String orgId, String source) {
    List<String> groups = new ArrayList<>();
    if (RectificationRules.isInspection(source)) {
      String office = office();
      groups.add(routing.group(office, "inspection"));
      if (settings.jointAcceptance()) {
        groups.add(routing.group(office, "auditor"));
        groups.add(routing.group(office, "orgdept"));
      }
    } else {
      String higher = higherCommittee(orgId).id();
      groups.add(routing.group(higher, "orgdept"));
      groups.add(routing.group(higher, "auditor"));
    }
    return String.join(",", groups.stream().distinct().toList());
  }

  /** Its name, for task names that say where things go. */
  String name(String orgId, String source) {
    if (RectificationRules.isInspection(source)) {
      String office = routing.orgName(office());
      return settings.jointAcceptance() ? office + "巡察办、纪委监委、组织部门联合验收组" : office + "巡察办";
    }
    return higherCommittee(orgId).name();
  }

  private String office() {
    if (directory.organization(settings.inspectionOffice()).isEmpty()) {
      throw new RuleViolation("rectification.inspectionOffice", "系统中没有巡察办所在的组织，巡察整改无处报送：请管理员导入县委"
          + "及其巡察办并在设置中指定");
    }
    return settings.inspectionOffice();
  }

  /** The nearest 党委 or 党组 above the organization (not the organization itself). */
  Organization higherCommittee(String orgId) {
    return directory.selfAndAncestors(orgId).stream().skip(1)
        .filter(o -> o.kind().ordinal() <= OrganizationKind.COMMITTEE.ordinal())
        .findFirst()
        .orElseThrow(() -> new RuleViolation("rectification.higherCommittee",
            "组织" + routing.orgName(orgId) + "没有上级党委（党组），民主生活会、组织生活会的整改须报上级党委"));
  }
}
