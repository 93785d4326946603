package cn.partyflow.dues.web;

import cn.partyflow.dues.DuesCollectionService;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.organization.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Single voluntary payments of 1,000 yuan or more, which the 党委 forwards in full to the Centre with the member's
 * profile: the 党委's 党费管理员 sees them and records the forwarding; others see those of their organizations.
 */
@Controller
class LargeVoluntaryPage {

  private static final Set<Role> FORWARDERS = EnumSet.of(Role.DUES_KEEPER);

  private final DuesCollectionService collections;
  private final DuesAccess access;
  private final OrganizationDirectory directory;

  LargeVoluntaryPage(DuesCollectionService collections, DuesAccess access, OrganizationDirectory directory) {
    this.collections = collections;
    this.access = access;
    this.directory = directory;
  }

  @GetMapping("/dues/large-voluntary")
  String page(Authentication auth, Model model) {
    Set<String> visible = access.visible(auth);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> row : collections.largeVoluntary(visible)) {
      Map<String, Object> line = new LinkedHashMap<>(row);
      String branch = (String) row.get("branchId");
      Organization committee = collections.committeeOf(branch);
      line.put("branchName", directory.organization(branch).map(Organization::name).orElse(branch));
      line.put("personName", directory.person((String) row.get("personId")).map(Person::name).orElse(""));
      line.put("committeeName", committee.name());
      line.put("mayForward", !Boolean.TRUE.equals(row.get("forwarded"))
          && visible.contains(committee.id()) && access.mayAct(auth, committee.id(), FORWARDERS));
      rows.add(line);
    }
    model.addAttribute("rows", rows);
    return "dues/large-voluntary";
  }

  @PostMapping("/dues/large-voluntary/{id}/forwarded")
  String forwarded(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
    String committee = collections.committeeOf(collections.largeVoluntaryBranch(id)).id();
    access.requireRole(auth, committee, FORWARDERS);
    collections.markForwarded(id);
    redirect.addFlashAttribute("message", "已记录全额转交（第" + id + "号）");
    return "redirect:/dues/large-voluntary";
  }
}
