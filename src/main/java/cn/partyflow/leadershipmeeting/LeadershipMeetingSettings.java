package cn.partyflow.leadershipmeeting;

import cn.partyflow.shared.RuleSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The values of 民主生活会 (domain-rules.md section 4: [L] and [M] values are the county's to set).
 *
 * @param planAdvanceDays the theme and plan reach the higher level at least this many days before the meeting [L]
 * @param reportDays the report reaches the higher level within this many days after the meeting [M]
 * @param answerWorkdays the higher 组织部门 answers a plan or a report within this many working days
 */
@ConfigurationProperties("partyflow.leadership-meeting")
@RuleSetting.Fixed("年度民主生活会在当年召开（一般在第四季度），最迟不晚于次年3月31日")
public record LeadershipMeetingSettings(
    @RuleSetting("会议主题和方案须提前报上级党组织的天数") @DefaultValue("15") int planAdvanceDays,
    @RuleSetting("会后向上级党组织报送情况报告的期限（天）") @DefaultValue("15") int reportDays,
    @RuleSetting("上级组织部门审核方案和报告的期限（工作日）") @DefaultValue("10") int answerWorkdays) {

  /** The defaults, for tests built by hand. */
  public static LeadershipMeetingSettings defaults() {
    return new LeadershipMeetingSettings(15, 15, 10);
  }
}
