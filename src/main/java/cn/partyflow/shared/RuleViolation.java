package cn.partyflow.shared;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A party rule was broken. The message is Chinese and names the rule; nothing has been changed.
 * Extends the form-validation exception so that Camunda's REST API answers 400 with the message.
 *
 * <p>The rule code (REST answers show it as {@code "rule"}, the log as 规则拒绝 …) is a dotted path of lowerCamelCase
 * words: first the module that owns the rule, then what it is about, then, where needed, the rule itself. {@code
 * form.*} is the form reader ({@link FormInput}) and the declared form rules ({@link FormRulesPlugin}): {@code
 * form.required}, {@code form.date}, {@code form.number}, {@code form.integer}, {@code form.range}, {@code
 * form.yesNo}, {@code form.option}, {@code form.list}, {@code form.textTooLong}, which any module may raise for a
 * field it reads by hand; {@code task.*} are two officers on one task ({@link TaskConflict}). Every other code starts
 * with the name of the module that makes it, the process key's words where the module runs a procedure: {@code
 * dues.amount.notNegative}, {@code memberDevelopment.sponsorCount}, {@code rectification.feedbackDate} (the package
 * {@code rectification}, not the process key {@code inspectionRectification}), {@code lifeMeeting.votes.majority}
 * (the second procedure of {@code organizationallife}), {@code security.task.held}, {@code calendar.span}.
 * Codes are for logs and tests; people read the message. {@code RuleCodeSchemeTest} holds every code in the
 * sources to this scheme.
 */
public class RuleViolation extends FormFieldValidationException {

  /**
   * The engine's exception code of every rule violation (custom codes are 20000–39999). The REST API reports it as
   * {@code "code"} beside the message, which is how its answers are told apart from other errors.
   */
  public static final int CODE = 22_001;

  /** The scheme of a rule code: at least two dotted lowerCamelCase words. */
  static final Pattern SCHEME = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)+");

  private final String rule;

  public RuleViolation(String rule, String message) {
    super(rule, message);
    // Tests run with assertions on: a code made at run time out of the scheme fails the test that makes it
    assert rule != null && SCHEME.matcher(rule).matches() : "rule code out of the scheme: " + rule;
    this.rule = rule;
    setCode(CODE);
  }

  public String rule() {
    return rule;
  }
}
