package cn.partyflow.security;

import cn.partyflow.shared.RuleViolation;

/** The user may not make this change at all (answered with 403); the message says who may. */
final class NotPermitted extends RuleViolation {

  NotPermitted(String rule, String message) {
    super(rule, message);
  }
}
