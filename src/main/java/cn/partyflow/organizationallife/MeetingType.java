package cn.partyflow.organizationallife;

import java.util.Arrays;
import java.util.Optional;

/**
 * The meetings of a branch's organisational life. The frequency each is required at is a setting
 * ({@code partyflow.organizational-life.frequency.<key>}); the default and its evidence tag follow domain-rules.md
 * section 4.
 */
public enum MeetingType {
  /** Generally once a quarter [V 支部工作条例]; quorum: more than half of the members with a vote. */
  GENERAL_MEETING("general-meeting", "支部党员大会", Frequency.QUARTER, true),
  /** Generally monthly [V]; more than half of the committee present. */
  COMMITTEE_MEETING("committee-meeting", "支委会", Frequency.MONTH, true),
  /** Generally monthly [V], where the branch has 党小组. */
  GROUP_MEETING("group-meeting", "党小组会", Frequency.MONTH, true),
  /** At least once a year [V]; quarterly is common local practice [L], the default here. */
  PARTY_LECTURE("party-lecture", "党课", Frequency.QUARTER, true),
  /** A relatively fixed day every month [V]. */
  THEME_DAY("theme-day", "主题党日", Frequency.MONTH, false),
  /** At least once a year for each pair [V]. */
  HEART_TALK("heart-talk", "谈心谈话", Frequency.YEAR, false);

  private final String key;
  private final String label;
  private final Frequency standard;
  private final boolean threeMeetingsOneLesson;

  MeetingType(String key, String label, Frequency standard, boolean threeMeetingsOneLesson) {
    this.key = key;
    this.label = label;
    this.standard = standard;
    this.threeMeetingsOneLesson = threeMeetingsOneLesson;
  }

  /** The name in settings and URLs, e.g. {@code theme-day}. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  Frequency standard() {
    return standard;
  }

  /** Counts towards 三会一课 (党员大会, 支委会, 党小组会, 党课). */
  public boolean threeMeetingsOneLesson() {
    return threeMeetingsOneLesson;
  }

  public static Optional<MeetingType> parse(String text) {
    String t = text == null ? "" : text.trim();
    return Arrays.stream(values())
        .filter(m -> m.key.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t) || m.label.equals(t)).findFirst();
  }
}
