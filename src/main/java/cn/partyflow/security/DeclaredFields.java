package cn.partyflow.security;

import cn.partyflow.shared.FormSchema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a Camunda Form can submit, as form-js 1.8.7 in Tasklist submits them: the first segment of every
 * field's key (a dotted key or a group with a path is one JSON variable), a dynamic list as its path. Read-only
 * fields are submitted too, with the value they were shown with.
 */
record DeclaredFields(Map<String, String> labels, Set<String> readonly) {

  static final DeclaredFields NONE = new DeclaredFields(Map.of(), Set.of());

  static DeclaredFields of(FormSchema form) {
    Map<String, String> labels = new LinkedHashMap<>();
    Set<String> readonly = new LinkedHashSet<>();
    collect(form.components(), labels, readonly);
    return new DeclaredFields(Map.copyOf(labels), Set.copyOf(readonly));
  }

  boolean declares(String name) {
    return labels.containsKey(name);
  }

  String label(String name) {
    return labels.getOrDefault(name, name);
  }

  private static void collect(List<FormSchema.Component> components, Map<String, String> labels,
      Set<String> readonly) {
    for (FormSchema.Component c : components) {
      if (c.path() != null && !c.path().isBlank()) {
        // a dynamic list or a group with a path: its fields are nested inside one variable
        put(labels, c.path(), c.label());
        continue;
      }
      collect(c.components(), labels, readonly);
      if (c.key() != null && !"button".equals(c.type())) {
        String name = put(labels, c.key(), c.label());
        if (c.readonly()) {
          readonly.add(name);
        }
      }
    }
  }

  private static String put(Map<String, String> labels, String path, String label) {
    String name = path.split("\\.", 2)[0];
    labels.merge(name, label.isBlank() ? name : label, (a, b) -> a);
    return name;
  }
}
