package cn.partyflow.memberdevelopment;

import cn.partyflow.shared.FormInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A case's variables read by name through {@link FormInput}, which reads every form alike. */
final class CaseVariables {

  private final Map<String, Object> values;

  CaseVariables(Map<String, Object> values) {
    this.values = values;
  }

  Object raw(String name) {
    return values.get(name);
  }

  String string(String name) {
    Object v = values.get(name);
    return v == null ? null : v.toString().trim();
  }

  String required(String name, String label) {
    return FormInput.requiredText(values.get(name), label);
  }

  /** Free text the officer typed, if any, within the length every opinion and record keeps to. */
  String text(String name, String label) {
    String s = string(name);
    return s == null ? null : s.isEmpty() ? s : FormInput.text(s, label);
  }

  LocalDate date(String name, String label) {
    return FormInput.date(values.get(name), label);
  }

  LocalDate requiredDate(String name, String label) {
    return FormInput.requiredDate(values.get(name), label);
  }

  Integer integer(String name, String label) {
    return FormInput.integer(values.get(name), label);
  }

  /** A yes/no the form has checked and labelled (see FormRulesPlugin); here only its value is read. */
  Boolean bool(String name) {
    return FormInput.yesNo(values.get(name), "“" + name + "”");
  }

  boolean requiredBool(String name, String label) {
    return FormInput.requiredYesNo(values.get(name), label);
  }

  /** Ids or choices: a JSON array (taglist, checklist) or values separated by commas (start form). */
  List<String> ids(String name, String label) {
    return FormInput.ids(values.get(name), label);
  }

  /** Elements of a JSON array variable (dynamic lists, checklists); empty when absent. */
  List<Object> list(String name, String label) {
    return FormInput.list(values.get(name), label);
  }
}
