package cn.partyflow.reports;

import cn.partyflow.dutyreview.DutyReviewSettings;
import cn.partyflow.dutyreview.DutyReviewStore;
import cn.partyflow.dutyreview.DutyReviewStore.Rated;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 书记述职评议 in the period: the secretaries of the organizations in scope whose review meeting fell in it, by the
 * overall grade (the scale is 述职评议's setting), and the problems raised. Each count lists the secretaries, each
 * opening the review's case page.
 */
@Component
class DutyReviewFigures {

  private final DutyReviewStore store;
  private final DutyReviewSettings settings;

  DutyReviewFigures(DutyReviewStore store, DutyReviewSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  List<ReportTable> tables(ReportScope scope, Period period, Figures f) {
    List<Rated> rated = store.rated(scope.orgIds(), period.from(), period.to());
    List<ReportTable.Row> rows = new ArrayList<>();
    rows.add(new ReportTable.Row("述职的书记", List.of(f.count("dutyreview.all", "述职的书记", refs(rated, scope)))));
    List<String> grades = settings.grades();
    for (int i = 0; i < grades.size(); i++) {
      String g = grades.get(i);
      List<Rated> of = rated.stream().filter(r -> g.equals(r.grade())).toList();
      f.number("drGrade" + i, of.size());
      rows.add(new ReportTable.Row("综合评价“" + g + "”", List.of(f.count("dutyreview.grade." + i, "综合评价" + g,
          refs(of, scope)))));
    }
    List<Rated> unrated = rated.stream().filter(r -> r.grade() == null).toList();
    rows.add(new ReportTable.Row("尚未测评", List.of(f.count("dutyreview.unrated", "尚未测评", refs(unrated, scope)))));
    int problems = rated.stream().mapToInt(Rated::problemCount).sum();
    rows.add(new ReportTable.Row("查摆问题（转入整改）", List.of(ReportTable.Cell.text(String.valueOf(problems)))));
    f.number("drReporters", rated.size());
    f.number("drProblems", problems);
    return List.of(new ReportTable("dutyreview", "书记述职评议", List.of("人数"), rows,
        "述职评议会在统计期间召开的，按述职书记所在组织计入；问题的整改见“整改落实”（来源：述职评议）。"));
  }

  private static List<Ref> refs(List<Rated> of, ReportScope scope) {
    return of.stream().map(r -> new Ref(r.name(), scope.name(r.orgId()), r.year() + "年度述职评议（" + r.meetingDate()
        + "），综合评价" + (r.grade() == null ? "未评" : "“" + r.grade() + "”") + "，查摆问题" + r.problemCount() + "个",
        "/duty-review/cases/" + r.processInstanceId(), r.processInstanceId())).toList();
  }
}
