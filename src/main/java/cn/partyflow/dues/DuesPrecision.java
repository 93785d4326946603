package cn.partyflow.dues;

/** The smallest unit a computed amount is rounded to; no regulation fixes it, so it is a setting. */
public enum DuesPrecision {
  FEN(2),
  JIAO(1);

  private final int scale;

  DuesPrecision(int scale) {
    this.scale = scale;
  }

  public int scale() {
    return scale;
  }
}
