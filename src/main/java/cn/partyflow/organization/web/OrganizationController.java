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

/**
 * Organizations and people, each user seeing only the organizations in their scope. Imports are for the administrator
 * (everything) and for the 组织部门 of a 党委 or 党组 (its own subtree).
 */
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
  OrganizationImport.Result importOrganizations(@RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth) throws IOException {
    OrganizationImport.Scope scope = importScope(auth);
    return imports.importOrganizations(filename(file), file.getBytes(), scope);
  }

  @PostMapping("/api/import/people")
  OrganizationImport.Result importPeople(@RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth) throws IOException {
    OrganizationImport.Scope scope = importScope(auth);
    return imports.importPeople(filename(file), file.getBytes(), scope);
  }

  @PostMapping("/api/import/roles")
  OrganizationImport.Result importRoles(@RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth) throws IOException {
    OrganizationImport.Scope scope = importScope(auth);
    return imports.importRoles(filename(file), file.getBytes(), scope);
  }

  /** Who may import is decided before the file is looked at; then a request without a file is refused. */
  private static String filename(MultipartFile file) {
    if (file == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "请选择要导入的文件（CSV或XLSX）");
    }
    return file.getOriginalFilename();
  }

  private OrganizationImport.Scope importScope(Authentication auth) {
    if (AccessScope.isAdmin(auth)) {
      return OrganizationImport.Scope.administrator(auth.getName());
    }
    Set<String> administered = scope.administeredOrganizations(auth.getName());
    if (administered.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有系统管理员或党委（党组）组织部门可以导入组织、人员和职务");
    }
    return OrganizationImport.Scope.organizationDepartment(administered, auth.getName());
  }

  private Set<String> visible(Authentication auth) {
    return scope.visibleOrganizations(auth);
  }
}
