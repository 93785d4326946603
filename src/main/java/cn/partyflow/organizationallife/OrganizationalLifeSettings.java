package cn.partyflow.organizationallife;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local values of 组织生活 (domain-rules.md section 4; [L] values are the county's to set).
 *
 * @param frequency how often each meeting is required, by {@link MeetingType#key()} (month, quarter, half-year,
 *     year, none); a type not named keeps its default (党员大会 quarter, 支委会 and 党小组会 month, 党课 quarter,
 *     主题党日 month, 谈心谈话 year)
 * @param themeDay the day of the month the branch's 主题党日 is planned on (1-28)
 * @param firstTopicMeetings the meetings whose record must name the 第一议题 (empty where the county does not use it)
 * @param reminderWorkdays the 书记 answers a reminder within this many working days
 * @param supervisionWorkdays a period's meeting still missing this many working days after the reminder goes to the
 *     党委组织部门 as a 督办
 * @param reviewWorkdays the 党委组织部门 reviews a branch's quarter within this many working days
 * @param attachmentMaxBytes the largest minutes or photo file accepted
 * @param attachmentTypes the file name extensions accepted for minutes and photos (checked against the content)
 */
@ConfigurationProperties("partyflow.organizational-life")
public record OrganizationalLifeSettings(
    Map<String, Frequency> frequency,
    @DefaultValue("15") int themeDay,
    @DefaultValue({"general-meeting", "committee-meeting"}) List<String> firstTopicMeetings,
    @DefaultValue("10") int reminderWorkdays,
    @DefaultValue("5") int supervisionWorkdays,
    @DefaultValue("10") int reviewWorkdays,
    @DefaultValue("10485760") long attachmentMaxBytes,
    @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "ofd"}) List<String> attachmentTypes) {

  /** The defaults, for tests built by hand. */
  public static OrganizationalLifeSettings defaults() {
    return new OrganizationalLifeSettings(Map.of(), 15, List.of("general-meeting", "committee-meeting"), 10, 5, 10,
        10_485_760L, List.of("pdf", "jpg", "jpeg", "png", "doc", "docx", "ofd"));
  }

  public Frequency frequencyOf(MeetingType type) {
    Frequency f = frequency == null ? null : frequency.get(type.key());
    return f == null ? type.standard() : f;
  }

  public boolean needsFirstTopic(MeetingType type) {
    return firstTopicMeetings != null && firstTopicMeetings.contains(type.key());
  }
}
