package cn.partyflow.memberdevelopment;

import cn.partyflow.organization.Person;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How people are shown in a list to choose from: by name, and two of the same name told apart by birth date. */
final class PersonLabels {

  private PersonLabels() {}

  static Map<String, String> of(Collection<Person> people) {
    return of(people, p -> "");
  }

  /** Each person's name followed by {@code detail} (when not empty), in brackets. */
  static Map<String, String> of(Collection<Person> people, Function<Person, String> detail) {
    Map<String, Long> sameName = people.stream().collect(Collectors.groupingBy(Person::name, Collectors.counting()));
    Map<String, String> labels = new LinkedHashMap<>();
    for (Person p : people) {
      String d = detail.apply(p);
      if (sameName.get(p.name()) > 1 && p.birthDate() != null) {
        d = d.isEmpty() ? p.birthDate() + "出生" : d + "，" + p.birthDate() + "出生";
      }
      labels.put(p.id(), d.isEmpty() ? p.name() : p.name() + "（" + d + "）");
    }
    return labels;
  }
}
