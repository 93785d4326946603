package cn.partyflow.audit;

import cn.partyflow.shared.ChinaClock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The auditors' overview for their home page: how many cases of their organizations are running and finished, and
 * the latest of each, found by the same search as /audit.
 */
@Service
public class RecentCases {

  /** One case as the home lists it; {@code id} opens /audit/cases/{id}. */
  public record Case(String id, String businessKey, String procedureName, String person, String orgName,
      String status, LocalDate started, LocalDate ended) {}

  /** A count above {@link CaseSearch#COUNT_CAP} is shown as "more than" ({@code capped}). */
  public record Count(long total, boolean capped) {

    public String label() {
      return capped ? "超过" + total : String.valueOf(total);
    }
  }

  public record Overview(Count running, Count finished, List<Case> latestRunning, List<Case> latestFinished) {}

  private final CaseSearch search;

  RecentCases(CaseSearch search) {
    this.search = search;
  }

  public Overview overview(Set<String> visibleOrgs, int rows) {
    CaseSearch.CasePage running = page(CaseCriteria.Status.RUNNING, visibleOrgs, rows);
    CaseSearch.CasePage finished = page(CaseCriteria.Status.FINISHED, visibleOrgs, rows);
    return new Overview(new Count(running.total(), running.totalCapped()),
        new Count(finished.total(), finished.totalCapped()), cases(running), cases(finished));
  }

  private CaseSearch.CasePage page(CaseCriteria.Status status, Set<String> visibleOrgs, int rows) {
    return search.search(new CaseCriteria(null, null, null, null, status, null, null), visibleOrgs, 0, rows);
  }

  private static List<Case> cases(CaseSearch.CasePage page) {
    return page.rows().stream().map(r -> new Case(r.id(), r.businessKey(), r.procedureName(), r.person(),
        r.orgName(), r.statusLabel(), day(r.started()), day(r.ended()))).toList();
  }

  private static LocalDate day(Date date) {
    return date == null ? null : ChinaClock.toLocalDate(date);
  }
}
