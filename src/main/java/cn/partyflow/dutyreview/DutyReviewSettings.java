package cn.partyflow.dutyreview;

import cn.partyflow.shared.RuleSetting;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The values of 书记抓基层党建述职评议 (domain-rules.md section 4: the grades are [M], the timing [L]).
 *
 * @param grades the rating scale, best first (测评等次)
 * @param majorityPercent the overall grade is the best grade that, together with the better ones, more than this
 *     share of the votes reached (50: the grade of the majority, i.e. the median vote)
 * @param reportWorkdays each secretary submits the written report within this many working days of the start
 * @param reviewWorkdays the higher 党委 records its comments and the rating within this many working days of the
 *     meeting
 */
@ConfigurationProperties("partyflow.duty-review")
public record DutyReviewSettings(
    @RuleSetting(value = "测评等次（从高到低）",
        article = "《党委（党组）书记抓基层党建工作述职评议考核办法》（2019），等次为常见做法")
    @DefaultValue({"好", "较好", "一般", "差"}) List<String> grades,
    @RuleSetting("综合评价等次：该等次及以上的票数须超过测评总票数的百分比")
    @DefaultValue("50") int majorityPercent,
    @RuleSetting("书记提交述职报告的期限（工作日）")
    @DefaultValue("10") int reportWorkdays,
    @RuleSetting("述职评议会后记录点评和测评结果的期限（工作日）")
    @DefaultValue("10") int reviewWorkdays) {

  /** The defaults, for tests built by hand. */
  public static DutyReviewSettings defaults() {
    return new DutyReviewSettings(List.of("好", "较好", "一般", "差"), 50, 10, 10);
  }
}
