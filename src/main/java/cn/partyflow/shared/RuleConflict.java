package cn.partyflow.shared;

/**
 * A rule refused the request because what it would create already exists (a second running case of the same
 * person). Answered with 409 instead of 400; the message names what exists, in Chinese.
 */
public class RuleConflict extends RuleViolation {

  public RuleConflict(String rule, String message) {
    super(rule, message);
  }
}
