package cn.partyflow.shared;

/**
 * How long free text an officer types may be. One limit for every opinion, record and reason, so that a refusal
 * reads the same everywhere and nothing is cut off silently; a field stored in a shorter column passes that
 * column's size instead.
 */
public final class FormText {

  /** The most a free-text field (opinion, record, reason, measures) may hold. */
  public static final int MAX_LENGTH = 2000;

  /** The most a process variable of type String can hold: Camunda stores it in a varchar(4000) column. */
  public static final int ENGINE_MAX_LENGTH = 4000;

  private FormText() {}

  public static String limited(String label, String text) {
    return limited(label, text, MAX_LENGTH);
  }

  public static String limited(String label, String text, int max) {
    if (text != null && text.length() > max) {
      throw new RuleViolation("form.textTooLong", label + "最多" + max + "字，现为" + text.length() + "字，请精简后再提交");
    }
    return text;
  }
}
