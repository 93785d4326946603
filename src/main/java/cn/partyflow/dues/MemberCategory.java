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
}
