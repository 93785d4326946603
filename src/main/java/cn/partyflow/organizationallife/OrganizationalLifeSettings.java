package cn.partyflow.organizationallife;

import cn.partyflow.shared.RuleSetting;
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
 * @param appraisalGrades the grades of 民主评议党员, best first; the last is the failing grade that starts the
 *     follow-up (domain-rules.md section 4: 优秀/合格/基本合格/不合格 [M])
 */
@ConfigurationProperties("partyflow.organizational-life")
public record OrganizationalLifeSettings(
    @RuleSetting("各类会议的召开频次（每月、每季度、每半年、每年或不作要求）")
    Map<String, Frequency> frequency,
    @RuleSetting("主题党日每月的固定日期（1至28日）") @DefaultValue("15") int themeDay,
    @RuleSetting("须记录第一议题的会议（为空则不使用第一议题）")
    @DefaultValue({"general-meeting", "committee-meeting"}) List<String> firstTopicMeetings,
    @RuleSetting("支部书记答复未召开会议提醒的工作日数") @DefaultValue("10") int reminderWorkdays,
    @RuleSetting("提醒后仍未召开、转党委组织部门督办的工作日数") @DefaultValue("5") int supervisionWorkdays,
    @RuleSetting("党委组织部门审阅支部季度组织生活的工作日数") @DefaultValue("10") int reviewWorkdays,
    @RuleSetting(value = "会议记录和照片文件的最大字节数", operational = true)
    @DefaultValue("10485760") long attachmentMaxBytes,
    @RuleSetting(value = "接受的会议记录和照片类型（扩展名）", operational = true)
    @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "ofd"}) List<String> attachmentTypes,
    @RuleSetting("民主评议党员的等次（由高到低，最后一个为不合格，须作组织处置）")
    @DefaultValue({"优秀", "合格", "基本合格", "不合格"}) List<String> appraisalGrades) {

  /** The scale of 民主评议党员 where the county sets none. */
  public static final List<String> DEFAULT_GRADES = List.of("优秀", "合格", "基本合格", "不合格");

  /** The defaults, for tests built by hand. */
  public static OrganizationalLifeSettings defaults() {
    return new OrganizationalLifeSettings(Map.of(), 15, List.of("general-meeting", "committee-meeting"), 10, 5, 10,
        10_485_760L, List.of("pdf", "jpg", "jpeg", "png", "doc", "docx", "ofd"), DEFAULT_GRADES);
  }

  public Frequency frequencyOf(MeetingType type) {
    Frequency f = frequency == null ? null : frequency.get(type.key());
    return f == null ? type.standard() : f;
  }

  public boolean needsFirstTopic(MeetingType type) {
    return firstTopicMeetings != null && firstTopicMeetings.contains(type.key());
  }

  /** The scale of 民主评议党员, best first (the default where the setting is absent). */
  public List<String> grades() {
    return appraisalGrades == null || appraisalGrades.isEmpty() ? DEFAULT_GRADES : appraisalGrades;
  }
}
