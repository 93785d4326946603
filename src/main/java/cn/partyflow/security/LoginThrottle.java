package cn.partyflow.security;

import cn.partyflow.shared.ChinaClock;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing on every login path (the webapps' login form, HTTP Basic on /engine-rest and on our
 * own pages), by login name and by client address, and never for longer than {@link LoginSettings#maxWait()} after
 * the last failure. The counts live in {@code pf_login_throttle}, so every node of a cluster refuses the same
 * guesses. A refused attempt is not counted and does not check the password: hammering during a wait neither
 * prolongs it nor gets a guess through. Time is the engine clock ({@link ChinaClock}), so tests can move it.
 */
@Component
class LoginThrottle {

  static final String USER = "user";
  static final String SOURCE = "source";

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_SUBJECT = 255;

  /** The login attempt the current request makes: set by {@link LoginThrottleFilter} around the request. */
  private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

  private final LoginSettings settings;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  LoginThrottle(LoginSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    unlockAtStart();
  }

  /** A request from {@code source} that presents the password of {@code user} (null when it names nobody). */
  record Attempt(String source, String user, boolean userHasFailures) {}

  /** Why and how long an attempt must wait. */
  record Refusal(boolean byUser, Duration waiting, Duration maxWait) {

    String message() {
      return (byUser ? "该账户" : "本机") + "登录失败次数过多，已暂停登录，请" + words(waiting) + "后再试。暂停到时自动解除，最长"
          + words(maxWait) + "。";
    }
  }

  /**
   * Checks an attempt before its password is looked at, and remembers it for {@link #passwordChecked}. Answers the
   * refusal when the login name or the client address is waiting.
   */
  Optional<Refusal> check(String user, String source) {
    String userKey = key(user);
    String sourceKey = key(source);
    Instant now = ChinaClock.now();
    Duration userWait = Duration.ZERO;
    Duration sourceWait = Duration.ZERO;
    boolean userHasFailures = false;
    for (var row : jdbc.queryForList("select kind, blocked_until from pf_login_throttle"
        + " where (kind = ? and subject = ?) or (kind = ? and subject = ?)",
        USER, userKey == null ? "" : userKey, SOURCE, sourceKey == null ? "" : sourceKey)) {
      Duration wait = remaining(row.get("blocked_until"), now);
      if (USER.equals(row.get("kind"))) {
        userHasFailures = true;
        userWait = wait;
      } else {
        sourceWait = wait;
      }
    }
    CURRENT.set(new Attempt(source, userKey, userHasFailures));
    if (userWait.isZero() && sourceWait.isZero()) {
      return Optional.empty();
    }
    boolean byUser = userWait.compareTo(sourceWait) >= 0;
    return Optional.of(new Refusal(byUser, byUser ? userWait : sourceWait, settings.maxWait()));
  }

  /** Lets checks made outside a login attempt (a password change) know the client address. */
  static void begin(String source) {
    CURRENT.set(new Attempt(source, null, true));
  }

  static void end() {
    CURRENT.remove();
  }

  /** The outcome of a password check: a failure counts against the name and the address, a success clears the name. */
  void passwordChecked(String user, boolean valid) {
    Attempt attempt = CURRENT.get();
    String userKey = key(user);
    if (valid) {
      if (userKey == null) {
        return;
      }
      boolean known = attempt == null || !userKey.equals(attempt.user()) || attempt.userHasFailures();
      if (known) {
        ownTransaction.executeWithoutResult(s -> jdbc.update(
            "delete from pf_login_throttle where kind = ? and subject = ?", USER, userKey));
      }
      return;
    }
    Instant now = ChinaClock.now();
    ownTransaction.executeWithoutResult(s -> jdbc.update("delete from pf_login_throttle where last_failure < ?",
        at(now.minus(settings.forgetAfter()))));
    if (userKey != null) {
      fail(USER, userKey, settings.userFailuresBeforeWait(), now);
    }
    String sourceKey = attempt == null ? null : key(attempt.source());
    if (sourceKey != null) {
      fail(SOURCE, sourceKey, settings.sourceFailuresBeforeWait(), now);
    }
  }

  /** Lifts the wait of one login name at once (Camunda Admin's 解锁用户, identityService.unlockUser). */
  boolean unlockUser(String user) {
    String userKey = key(user);
    return userKey != null
        && jdbc.update("delete from pf_login_throttle where kind = ? and subject = ?", USER, userKey) > 0;
  }

  private void unlockAtStart() {
    for (String user : settings.unlockAtStart()) {
      if (user.equals("*")) {
        int rows = jdbc.update("delete from pf_login_throttle");
        LOG.info("Login waits lifted at startup for every login name and client address ({} rows)", rows);
      } else if (unlockUser(user)) {
        LOG.info("Login wait lifted at startup for {}", user);
      }
    }
  }

  private void fail(String kind, String subject, int failuresBeforeWait, Instant now) {
    for (int round = 0; ; round++) {
      try {
        ownTransaction.executeWithoutResult(s -> count(kind, subject, failuresBeforeWait, now));
        return;
      } catch (DuplicateKeyException raced) {
        if (round > 0) {
          throw raced;
        }
      }
    }
  }

  private void count(String kind, String subject, int failuresBeforeWait, Instant now) {
    var rows = jdbc.queryForList("select failures, last_failure from pf_login_throttle"
        + " where kind = ? and subject = ? for update", kind, subject);
    int failures = 1;
    if (!rows.isEmpty()) {
      Instant last = instant(rows.get(0).get("last_failure"));
      failures = last != null && last.isAfter(now.minus(settings.forgetAfter()))
          ? ((Number) rows.get(0).get("failures")).intValue() + 1 : 1;
    }
    Duration wait = settings.waitAfter(failures, failuresBeforeWait);
    SqlParameterValue blockedUntil = at(wait.isZero() ? null : now.plus(wait));
    if (rows.isEmpty()) {
      jdbc.update("insert into pf_login_throttle (kind, subject, failures, last_failure, blocked_until)"
          + " values (?, ?, ?, ?, ?)", kind, subject, failures, at(now), blockedUntil);
    } else {
      jdbc.update("update pf_login_throttle set failures = ?, last_failure = ?, blocked_until = ?"
          + " where kind = ? and subject = ?", failures, at(now), blockedUntil, kind, subject);
    }
    if (!wait.isZero()) {
      LOG.info("Login {} {} waits {} after {} failed logins", kind, subject, wait, failures);
    }
  }

  /** A wait never outlasts the longest one from now, even if a node's clock ran ahead when it was written. */
  private Duration remaining(Object blockedUntil, Instant now) {
    Instant until = instant(blockedUntil);
    if (until == null || !until.isAfter(now)) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, until);
    return left.compareTo(settings.maxWait()) < 0 ? left : settings.maxWait();
  }

  private static String key(String subject) {
    if (subject == null || subject.isBlank()) {
      return null;
    }
    String lower = subject.trim().toLowerCase(Locale.ROOT);
    return lower.length() > MAX_SUBJECT ? lower.substring(0, MAX_SUBJECT) : lower;
  }

  private static SqlParameterValue at(Instant instant) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
        instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }

  /** "4 分 30 秒", "20 秒": whole seconds, rounded up, so that waiting exactly that long is enough. */
  static String words(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    long minutes = seconds / 60;
    long rest = seconds % 60;
    if (minutes == 0) {
      return " " + rest + " 秒";
    }
    return " " + minutes + " 分" + (rest == 0 ? "钟" : " " + rest + " 秒");
  }
}
