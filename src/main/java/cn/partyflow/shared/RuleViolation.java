package cn.partyflow.shared;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A party rule was broken. The message is Chinese and names the rule; nothing has been changed.
 * Extends the form-validation exception so that Camunda's REST API answers 400 with the message.
 *
 * <p>The rule code (REST answers show it as {@code "rule"}, the log as 规则拒绝 …) is a dotted path of lowerCamelCase
 * words: first the module that owns the rule, then what it is about, then, where needed, the rule itself. {@code
 * form.*} is the form reader ({@link FormInput}) and the declared form rules ({@link FormRulesPlugin}): {@code
 * form.required}, {@code form.date}, {@code form.number}, {@code form.integer}, {@code form.range}, {@code
 * form.yesNo}, {@code form.option}, {@code form.list}, {@code form.textTooLong}; a procedure's rules start with its
 * module, as in {@code dues.amount.notNegative}, {@code dues.collection.once}, {@code memberDevelopment.sponsor.count}.
 * Codes are for logs and tests; people read the message.
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
