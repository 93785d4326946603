package cn.partyflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.organization.OrganizationChoices.Choice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationChoicesTest {

  /** 省 → 市甲, 市乙 → each two 党委 → each two branches; the 党委 甲1 has a 党小组 under one branch. */
  static final List<Organization> TREE = tree();

  static List<Organization> tree() {
    List<Organization> all = new ArrayList<>();
    int[] order = {0};
    all.add(org("pv", null, OrganizationKind.PARTY_GROUP, "省党组", order));
    for (String city : List.of("甲", "乙")) {
      all.add(org("c" + city, "pv", OrganizationKind.COMMITTEE, "市" + city, order));
      for (int d = 1; d <= 2; d++) {
        String committee = "c" + city + d;
        all.add(org(committee, "c" + city, OrganizationKind.COMMITTEE, "党委" + city + d, order));
        for (int b = 1; b <= 2; b++) {
          all.add(org(committee + "-" + b, committee, OrganizationKind.BRANCH, "支部" + city + d + "-" + b, order));
        }
      }
    }
    all.add(org("c甲1-1-x", "c甲1-1", OrganizationKind.CELL, "小组甲1-1", order));
    return List.copyOf(all);
  }

  static Organization org(String id, String parent, OrganizationKind kind, String name, int[] order) {
    return new Organization(id, parent, kind, name, false, order[0]++);
  }

  static Set<String> all() {
    Set<String> ids = new HashSet<>();
    TREE.forEach(o -> ids.add(o.id()));
    return ids;
  }

  static List<String> ids(List<Choice> choices) {
    return choices.stream().map(Choice::id).toList();
  }

  static List<String> labels(List<Choice> choices) {
    return choices.stream().map(Choice::label).toList();
  }

  @Test
  void aScopeUpToTheLimitListsEveryOrganizationInItInSortOrderUnindented() {
    OrganizationChoices choices = new OrganizationChoices(TREE, TREE.size());
    List<Choice> options = choices.choices(all(), "c甲1");
    assertThat(ids(options)).isEqualTo(TREE.stream().map(Organization::id).toList());
    assertThat(labels(options)).isEqualTo(TREE.stream().map(Organization::name).toList());
  }

  @Test
  void aScopeAboveTheLimitWithNothingSelectedShowsTheTopAndItsChildren() {
    OrganizationChoices choices = new OrganizationChoices(TREE, 5);
    List<Choice> options = choices.choices(all(), null);
    assertThat(labels(options)).containsExactly("省党组", "\u3000市甲", "\u3000市乙");
  }

  @Test
  void aScopeAboveTheLimitShowsThePathTheSelectedOrganizationAmongItsSiblingsAndItsChildren() {
    OrganizationChoices choices = new OrganizationChoices(TREE, 5);
    assertThat(labels(choices.choices(all(), "c甲1"))).containsExactly(
        "省党组", "\u3000市甲", "\u3000\u3000党委甲1", "\u3000\u3000\u3000支部甲1-1", "\u3000\u3000\u3000支部甲1-2",
        "\u3000\u3000党委甲2");
    assertThat(labels(choices.choices(all(), "c甲1-1"))).containsExactly(
        "省党组", "\u3000市甲", "\u3000\u3000党委甲1", "\u3000\u3000\u3000支部甲1-1", "\u3000\u3000\u3000\u3000小组甲1-1",
        "\u3000\u3000\u3000支部甲1-2");
    // The other city is a sibling of the chosen one, its 党委 are not.
    assertThat(labels(choices.choices(all(), "c甲"))).containsExactly(
        "省党组", "\u3000市甲", "\u3000\u3000党委甲1", "\u3000\u3000党委甲2", "\u3000市乙");
  }

  @Test
  void anOrganizationOutsideTheScopeIsNeverAnOptionNorIsItsSelectionFollowed() {
    OrganizationChoices choices = new OrganizationChoices(TREE, 5);
    Set<String> city = new HashSet<>(OrganizationDirectory.selfAndDescendants(List.of("c甲"), TREE));
    assertThat(ids(choices.choices(city, null))).containsExactly("c甲", "c甲1", "c甲2");
    assertThat(ids(choices.choices(city, "c甲2"))).containsExactly("c甲", "c甲1", "c甲2", "c甲2-1", "c甲2-2");
    // Another city's 党委 and the province above are not in the scope: as if nothing were selected.
    assertThat(ids(choices.choices(city, "c乙1"))).containsExactly("c甲", "c甲1", "c甲2");
    assertThat(ids(choices.choices(city, "pv"))).containsExactly("c甲", "c甲1", "c甲2");
  }

  @Test
  void aScopeOfSeveralSubtreesShowsEachTopAndDrillsDownOnlyWhereTheSelectionIs() {
    OrganizationChoices choices = new OrganizationChoices(TREE, 5);
    Set<String> two = new HashSet<>(OrganizationDirectory.selfAndDescendants(List.of("c甲2", "c乙1"), TREE));
    assertThat(ids(choices.choices(two, null))).containsExactly("c甲2", "c甲2-1", "c甲2-2", "c乙1", "c乙1-1", "c乙1-2");
    assertThat(ids(choices.choices(two, "c乙1-2"))).containsExactly("c甲2", "c乙1", "c乙1-1", "c乙1-2");
  }
}
