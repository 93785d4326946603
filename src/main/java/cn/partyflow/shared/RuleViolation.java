package cn.partyflow.shared;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A party rule was broken. The message is Chinese and names the rule; nothing has been changed.
 * Extends the form-validation exception so that Camunda's REST API answers 400 with the message.
 */
public class RuleViolation extends FormFieldValidationException {

  private final String rule;

  public RuleViolation(String rule, String message) {
    super(rule, message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
