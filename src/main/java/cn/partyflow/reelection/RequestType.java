package cn.partyflow.reelection;

import java.util.Arrays;
import java.util.Optional;

/** What a 换届 case asks the higher 党委 for. */
public enum RequestType {
  ELECTION("换届选举"),
  POSTPONE("延期换届"),
  ADVANCE("提前换届");

  private final String label;

  RequestType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<RequestType> parse(String text) {
    return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text == null ? "" : text.trim()))
        .findFirst();
  }
}
