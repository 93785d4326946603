package cn.partyflow.dues;

/** The smallest unit a computed amount is rounded to; no regulation fixes it, so it is a setting. */
public enum DuesPrecision {
  FEN(2, "分"),
  JIAO(1, "角");

  private final int scale;
  private final String label;

  DuesPrecision(int scale, String label) {
    this.scale = scale;
    this.label = label;
  }

  public String label() {
    return label;
  }

  public int scale() {
    return scale;
  }
}
