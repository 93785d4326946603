package cn.partyflow.rectification;

import cn.partyflow.shared.RuleSetting;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Local rules of 巡察整改 ([L] in domain-rules.md section 3), with the common defaults.
 *
 * @param reminderWorkdaysBefore the 提醒书 goes to the 责任人 this many working days before the deadline
 * @param escalationWorkdaysAfter an overdue item goes to the 党委书记 and 纪委 (约谈/问责) this many working days after it
 * @param reportMonths the 整改情况报告 is due this many months after the feedback (巡视工作条例: 2 months)
 * @param reportPrepWorkdays the report is compiled this many working days before it is due
 * @param planWorkdays the 整改方案 is due this many working days after the feedback
 * @param longTermReportPeriod how often a 长期坚持 item reports its progress (ISO-8601 period)
 * @param dueSoonDays the dashboard shows an open item amber when its deadline is this many days away or fewer
 * @param evidenceMaxBytes the largest evidence file accepted
 * @param evidenceTypes the file name extensions accepted as evidence
 * @param inspectionOffice the organization whose 巡察办 ({@code inspection} role) receives 巡察 plans and reports
 *     and accepts items (销号); its 纪委 and 组织部门 join it when {@code jointAcceptance} is set
 * @param jointAcceptance the county accepts with a joint team (巡察办, 纪委监委, 组织部门) instead of the 巡察办 alone
 */
@RuleSetting.Unbound(name = "digest-cron", value = "每日整改提醒汇总的发送时间（北京时间）",
    operational = true)
@ConfigurationProperties("partyflow.rectification")
public record RectificationSettings(
    @RuleSetting("完成时限前向责任人发提醒书的工作日数（督办梯度）")
    @DefaultValue("3") int reminderWorkdaysBefore,
    @RuleSetting("逾期后报党委书记和纪委约谈问责的工作日数（督办梯度）")
    @DefaultValue("5") int escalationWorkdaysAfter,
    @RuleSetting(value = "反馈后报送整改情况报告的期限（月）",
        article = "《中国共产党巡视工作条例》（反馈后两个月内报送整改情况报告）")
    @DefaultValue("2") int reportMonths,
    @RuleSetting("报告到期前开始汇总的工作日数")
    @DefaultValue("5") int reportPrepWorkdays,
    @RuleSetting("反馈后制定整改方案的期限（工作日）")
    @DefaultValue("15") int planWorkdays,
    @RuleSetting("长期坚持类事项报告进展的周期")
    @DefaultValue("P3M") String longTermReportPeriod,
    @RuleSetting(value = "看板标为即将到期的天数", operational = true)
    @DefaultValue("7") int dueSoonDays,
    @RuleSetting(value = "证明材料文件的最大字节数", operational = true)
    @DefaultValue("10485760") long evidenceMaxBytes,
    @RuleSetting(value = "接受的证明材料类型（扩展名）", operational = true)
    @DefaultValue({"pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "ofd"}) List<String> evidenceTypes,
    @RuleSetting(value = "巡察整改的验收方（巡察办）所在组织的编号", operational = true)
    @DefaultValue("xw") String inspectionOffice,
    @RuleSetting("县里是否由巡察办、纪委监委和组织部门组成联合验收组验收销号")
    @DefaultValue("false") boolean jointAcceptance) {

  /** The defaults, for tests built by hand. */
  public static RectificationSettings defaults() {
    return new RectificationSettings(3, 5, 2, 5, 15, "P3M", 7, 10_485_760L,
        List.of("pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "ofd"), "xw", false);
  }

  /** The same settings with the joint acceptance team switched on or off. */
  public RectificationSettings withJointAcceptance(boolean joint) {
    return new RectificationSettings(reminderWorkdaysBefore, escalationWorkdaysAfter, reportMonths, reportPrepWorkdays,
        planWorkdays, longTermReportPeriod, dueSoonDays, evidenceMaxBytes, evidenceTypes, inspectionOffice, joint);
  }
}
