package cn.partyflow.audit;

/** A case's engine state in the words the pages show it with. */
public final class CaseStates {

  private CaseStates() {}

  public static String label(String state) {
    if (state == null) {
      return "";
    }
    return switch (state) {
      case "ACTIVE" -> "办理中";
      case "SUSPENDED" -> "已挂起";
      case "COMPLETED" -> "已办结";
      case "EXTERNALLY_TERMINATED" -> "已撤销";
      case "INTERNALLY_TERMINATED" -> "已终止";
      default -> state;
    };
  }
}
