package cn.partyflow.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code partyflow.login.*}: how failed logins slow down. After {@code userFailuresBeforeWait} failures of one login
 * name (from anywhere), or {@code sourceFailuresBeforeWait} failures from one client address (for any names), that
 * name or address waits {@code firstWait}; every further failure doubles the wait up to {@code maxWait}. Failures are
 * forgotten {@code forgetAfter} after the last one. {@code unlockAtStart} (PARTYFLOW_UNLOCK_USERS) lists login names
 * whose waits are lifted at startup, {@code *} for every name and address.
 */
@ConfigurationProperties(prefix = "partyflow.login")
record LoginSettings(
    @DefaultValue("5") int userFailuresBeforeWait,
    @DefaultValue("10") int sourceFailuresBeforeWait,
    @DefaultValue("30s") Duration firstWait,
    @DefaultValue("5m") Duration maxWait,
    @DefaultValue("15m") Duration forgetAfter,
    @DefaultValue List<String> unlockAtStart) {

  LoginSettings {
    if (userFailuresBeforeWait < 1 || sourceFailuresBeforeWait < 1) {
      throw new IllegalArgumentException("partyflow.login.*-failures-before-wait must be at least 1");
    }
    if (firstWait.isNegative() || maxWait.compareTo(firstWait) < 0 || forgetAfter.compareTo(maxWait) < 0) {
      throw new IllegalArgumentException(
          "partyflow.login: first-wait <= max-wait <= forget-after is required");
    }
    unlockAtStart = unlockAtStart == null ? List.of() : unlockAtStart.stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }

  /** The wait after the {@code failures}-th failure in a row, where waiting starts at {@code failuresBeforeWait}. */
  Duration waitAfter(int failures, int failuresBeforeWait) {
    if (failures < failuresBeforeWait) {
      return Duration.ZERO;
    }
    Duration wait = firstWait;
    for (int i = failuresBeforeWait; i < failures && wait.compareTo(maxWait) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxWait) < 0 ? wait : maxWait;
  }
}
