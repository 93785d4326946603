package cn.partyflow.organization;

import java.util.Map;

/**
 * The options of a select or taglist on a start form, filled when the form is served to the starter. The form names
 * them in the field's {@code properties.options}; the starter sees labels, the case receives values. A start form is
 * served before any case exists, so it cannot read case variables the way a task form's {@code valuesKey} does.
 */
public interface StartFormOptions {

  /** What a field's {@code properties.options} says to be filled with these options. */
  String name();

  /** Value to label, in the order shown, for the user; the administrator gets every choice. */
  Map<String, String> options(String username, boolean admin);
}
