package cn.partyflow.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The organizations an overview page of a procedure (组织生活, 换届, 述职评议, 民主生活会) lists a row for. While the
 * user's scope gives at most {@link OrganizationChoices#LIMIT} rows (every county user) they are all listed, as
 * always. More (a province's 书记 sees 20,000 branches) would make a page nobody can use, so the page takes the
 * drill-down organization filter of the managers' dashboard ({@link OrganizationChoices}): nothing is listed until an
 * organization is chosen, then the rows of the chosen organization's subtree, at most LIMIT of them. A chosen
 * organization outside the scope is ignored, as the dashboard ignores it: it is neither followed nor offered.
 */
@Component
public class OverviewScope {

  /** The order of the overview pages' rows: the registry's sort order, then the id. */
  public static final Comparator<Organization> ORDER =
      Comparator.comparing(Organization::sortOrder).thenComparing(Organization::id);

  /**
   * What an overview page shows.
   *
   * @param organizations the rows to list, in {@link #ORDER}
   * @param choices the options of the organization filter; null when the scope is small enough to list whole
   * @param chosen the chosen organization in scope, or null
   * @param total how many rows the scope has (nothing chosen) or the chosen organization's subtree has
   */
  public record Rows(List<Organization> organizations, List<OrganizationChoices.Choice> choices,
      Organization chosen, int total) {

    /** Whether the page offers the organization filter (its scope has more rows than it lists at once). */
    public boolean filtered() {
      return choices != null;
    }

    /** A large scope and nothing chosen: the page asks the user to choose an organization. */
    public boolean chooseFirst() {
      return filtered() && chosen == null;
    }

    /** The chosen organization's subtree has more rows than are listed: the page asks for a level lower. */
    public boolean cut() {
      return chosen != null && organizations.size() < total;
    }

    /** The ids of the listed organizations, for the page's queries. */
    public Set<String> ids() {
      Set<String> ids = new LinkedHashSet<>();
      organizations.forEach(o -> ids.add(o.id()));
      return ids;
    }

    public int limit() {
      return OrganizationChoices.LIMIT;
    }
  }

  private final AccessScope scope;
  private final OrganizationDirectory directory;

  OverviewScope(AccessScope scope, OrganizationDirectory directory) {
    this.scope = scope;
    this.directory = directory;
  }

  /** The rows of the organizations in the user's scope that the page lists ({@code listed}), narrowed to {@code org}. */
  public Rows rows(Authentication auth, String org, Predicate<Organization> listed) {
    Set<String> visible = scope.visibleOrganizations(auth);
    List<Organization> all = inScope(visible, listed);
    if (all.size() <= OrganizationChoices.LIMIT) {
      return new Rows(all, null, null, all.size());
    }
    Organization chosen = org != null && visible.contains(org) ? directory.organizationsById().get(org) : null;
    List<OrganizationChoices.Choice> choices =
        directory.organizationChoices().choices(visible, chosen == null ? null : chosen.id());
    if (chosen == null) {
      return new Rows(List.of(), choices, null, all.size());
    }
    Set<String> subtree = directory.subtrees(List.of(chosen.id()));
    List<Organization> below = all.stream().filter(o -> subtree.contains(o.id())).toList();
    return new Rows(below.subList(0, Math.min(below.size(), OrganizationChoices.LIMIT)), choices, chosen,
        below.size());
  }

  /**
   * Where a write on an overview page goes back to: the page as the user had narrowed it, {@code view} being the
   * organization chosen there (the forms carry it). Whatever {@code view} holds, it only becomes the page's
   * {@code org} parameter, which the page follows within the scope and otherwise ignores.
   */
  public static String back(String path, String view) {
    return "redirect:" + path + (view == null || view.isBlank() ? ""
        : "?org=" + URLEncoder.encode(view, StandardCharsets.UTF_8));
  }

  /** Every organization in {@code visible} that the page lists, in {@link #ORDER}; no filter, no limit. */
  public List<Organization> inScope(Set<String> visible, Predicate<Organization> listed) {
    return directory.organizations().stream().filter(o -> visible.contains(o.id())).filter(listed).sorted(ORDER)
        .toList();
  }
}
