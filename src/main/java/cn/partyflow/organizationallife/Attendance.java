package cn.partyflow.organizationallife;

import java.util.Arrays;
import java.util.Optional;

/** How an entitled person took part in a meeting; anyone not entitled to it has no attendance at all. */
public enum Attendance {
  PRESENT("出席"),
  LEAVE("请假"),
  ABSENT("缺席");

  private final String label;

  Attendance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Attendance> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(t) || a.label.equals(t)).findFirst();
  }
}
