package cn.partyflow.shared;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A party rule was broken. The message is Chinese and names the rule; nothing has been changed.
 * Extends the form-validation exception so that Camunda's REST API answers 400 with the message.
 */
public class RuleViolation extends FormFieldValidationException {

  /**
   * The engine's exception code of every rule violation (custom codes are 20000–39999). The REST API reports it as
   * {@code "code"} beside the message, which is how its answers are told apart from other errors.
   */
  public static final int CODE = 22_001;

  private final String rule;

  public RuleViolation(String rule, String message) {
    super(rule, message);
    this.rule = rule;
    setCode(CODE);
  }

  public String rule() {
    return rule;
  }
}
