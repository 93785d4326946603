package cn.partyflow.organization.web;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.OrganizationImport;
import cn.partyflow.organization.Person;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Organizations and people, each user seeing only the organizations in their scope; imports for administrators. */
@RestController
class OrganizationController {

  private final OrganizationDirectory directory;
  private final AccessScope scope;
  private final OrganizationImport imports;

  OrganizationController(OrganizationDirectory directory, AccessScope scope, OrganizationImport imports) {
    this.directory = directory;
    this.scope = scope;
    this.imports = imports;
  }

  @GetMapping("/api/organizations")
  List<Organization> organizations(Authentication auth) {
    Set<String> visible = visible(auth);
    return directory.organizations().stream().filter(o -> visible.contains(o.id())).toList();
  }

  @GetMapping("/api/people")
  List<Person> people(@RequestParam(name = "orgId", required = false) String orgId, Authentication auth) {
    Set<String> visible = visible(auth);
    if (orgId != null) {
      if (!visible.contains(orgId)) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "组织" + orgId + "不存在或不在您的权限范围内");
      }
      return directory.people(List.of(orgId));
    }
    return directory.people(visible);
  }

  @GetMapping("/api/people/{id}")
  Person person(@PathVariable("id") String id, Authentication auth) {
    return directory.person(id)
        .filter(p -> visible(auth).contains(p.orgId()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "人员" + id + "不存在或不在您的权限范围内"));
  }

  @PostMapping("/api/import/organizations")
  OrganizationImport.Result importOrganizations(@RequestParam("file") MultipartFile file) throws IOException {
    return imports.importOrganizations(file.getOriginalFilename(), file.getBytes());
  }

  @PostMapping("/api/import/people")
  OrganizationImport.Result importPeople(@RequestParam("file") MultipartFile file) throws IOException {
    return imports.importPeople(file.getOriginalFilename(), file.getBytes());
  }

  @PostMapping("/api/import/roles")
  OrganizationImport.Result importRoles(@RequestParam("file") MultipartFile file) throws IOException {
    return imports.importRoles(file.getOriginalFilename(), file.getBytes());
  }

  private Set<String> visible(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }
}
