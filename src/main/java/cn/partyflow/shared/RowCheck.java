package cn.partyflow.shared;

import cn.partyflow.shared.ImportRefused.RowError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one imported row. Every check reads a column, notes what is wrong in Chinese naming the column's
 * label, and returns a harmless value (empty, zero, false, null), so the officer is told every problem of the row at
 * once and the importer decides after the last check whether the row is good.
 */
public final class RowCheck {

  /** Money is in yuan to the fen. */
  private static final int YUAN_SCALE = 2;

  private final SheetRow row;
  private final List<String> problems = new ArrayList<>();

  RowCheck(SheetRow row) {
    this.row = row;
  }

  public int line() {
    return row.line();
  }

  /** The trimmed value, unchecked. */
  public String get(String column) {
    return row.get(column);
  }

  /** A problem found by the importer's own rules. */
  public void problem(String message) {
    problems.add(message);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Every problem as a bad row of its own line. */
  public List<RowError> errors() {
    return problems.stream().map(p -> new RowError(row.line(), p)).toList();
  }

  /** All problems as one bad row, joined. */
  public RowError error() {
    return new RowError(row.line(), String.join("；", problems));
  }

  /** A value that must be given: {@code 缺少<label>}. */
  public String required(String column, String label) {
    String v = row.get(column);
    if (v.isEmpty()) {
      problems.add("缺少" + label);
    }
    return v;
  }

  /**
   * Free text as plain text: trimmed (full-width spaces too), without markup or control characters (names reach
   * forms and pages), and at most {@code max} characters.
   */
  public String plainText(String column, String label, int max) {
    String v = row.get(column).strip();
    if (v.indexOf('<') >= 0 || v.indexOf('>') >= 0) {
      problems.add(label + "不能包含“<”或“>”，只能填写纯文本");
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      problems.add(label + "不能包含换行、制表符等控制字符");
    }
    if (v.length() > max) {
      problems.add(label + "最多" + max + "个字，现为" + v.length() + "个字");
    }
    return v;
  }

  /** 是 or 否 (or true/false, 1/0, y/n, yes/no); empty is no. */
  public boolean yesNo(String column, String label) {
    String text = row.get(column);
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "", "否", "false", "0", "n", "no" -> false;
      case "是", "true", "1", "y", "yes" -> true;
      default -> {
        problems.add(label + "应填“是”或“否”，而不是“" + text + "”");
        yield false;
      }
    };
  }

  /** A whole number; empty is 0. */
  public int integer(String column, String label) {
    String text = row.get(column);
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problems.add(label + "应为整数，而不是“" + text + "”");
      return 0;
    }
  }

  /** A date as 2025-03-01 (or 2025/03/01, as spreadsheets often write it); empty is null. */
  public LocalDate date(String column, String label) {
    String v = row.get(column);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v.replace('/', '-'));
    } catch (DateTimeParseException e) {
      problems.add(label + "“" + v + "”不是有效日期，应为2025-03-01的格式");
      return null;
    }
  }

  /** Two dates of the row that must not be in the wrong order; either may be absent. */
  public void notBefore(String laterLabel, LocalDate later, String earlierLabel, LocalDate earlier) {
    if (earlier != null && later != null && later.isBefore(earlier)) {
      problems.add(laterLabel + "不能早于" + earlierLabel);
    }
  }

  /** A non-negative amount of yuan to the fen, thousands separators allowed; empty is 0.00. */
  public BigDecimal yuan(String column, String label) {
    BigDecimal zero = BigDecimal.ZERO.setScale(YUAN_SCALE);
    String text = row.get(column).replace(",", "");
    if (text.isEmpty()) {
      return zero;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        problems.add(label + "不能为负数");
        return zero;
      }
      if (value.scale() > YUAN_SCALE && value.stripTrailingZeros().scale() > YUAN_SCALE) {
        problems.add(label + "“" + text + "”最多精确到分");
        return zero;
      }
      return value.setScale(YUAN_SCALE, RoundingMode.UNNECESSARY);
    } catch (NumberFormatException e) {
      problems.add(label + "“" + text + "”不是金额");
      return zero;
    }
  }
}
