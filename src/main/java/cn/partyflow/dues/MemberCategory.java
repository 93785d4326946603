package cn.partyflow.dues;

/** Which dues rule applies to a member. */
public enum MemberCategory {
  EMPLOYED("在职"),
  RETIRED("离退休"),
  STUDENT("学生"),
  UNEMPLOYED("下岗失业"),
  RELIEF("享受生活救济/低保"),
  FARMER("农民");

  private final String label;

  MemberCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads a category as written in a payroll sheet: its name ({@code EMPLOYED}) or Chinese label (在职). */
  public static java.util.Optional<MemberCategory> parse(String text) {
    String t = text == null ? "" : text.trim();
    return java.util.Arrays.stream(values())
        .filter(c -> c.name().equalsIgnoreCase(t) || c.label.equals(t) || c.alias(t))
        .findFirst();
  }

  private boolean alias(String t) {
    return switch (this) {
      case RETIRED -> t.equals("离休") || t.equals("退休");
      case UNEMPLOYED -> t.equals("失业") || t.equals("下岗");
      case RELIEF -> t.equals("低保") || t.equals("救济");
      default -> false;
    };
  }
}
