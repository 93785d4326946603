package cn.partyflow.shared;

import java.util.Map;

/** One data row of an imported sheet, with the line number the officer sees in the file. */
public record SheetRow(int line, Map<String, String> values) {

  /** The trimmed value of a column, or an empty string. */
  public String get(String column) {
    String v = values.get(column);
    return v == null ? "" : v.trim();
  }

  /** The row's checks, gathering its problems ({@link RowCheck}). */
  public RowCheck check() {
    return new RowCheck(this);
  }

  public boolean isBlank() {
    return values.values().stream().allMatch(v -> v == null || v.isBlank());
  }
}
