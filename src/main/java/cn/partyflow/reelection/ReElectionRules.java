package cn.partyflow.reelection;

import cn.partyflow.organization.OrganizationKind;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of 换届 from 《中国共产党基层组织选举工作条例》 and 党章 Art. 31, as plain Java: terms, the reminder,
 * 差额 candidates, the quorum of the election meeting, the majority that elects, and postponing or advancing a term.
 */
public final class ReElectionRules {

  private ReElectionRules() {}

  /** Which organizations are elected and so have terms: 基层党委, 党总支 and 党支部 (a 党组 is appointed). */
  public static boolean isElected(OrganizationKind kind) {
    return kind == OrganizationKind.COMMITTEE || kind == OrganizationKind.GENERAL_BRANCH
        || kind == OrganizationKind.BRANCH;
  }

  public static int termYears(OrganizationKind kind, ReElectionSettings s) {
    return switch (kind) {
      case COMMITTEE -> s.committeeTermYears();
      case GENERAL_BRANCH -> s.generalBranchTermYears();
      case BRANCH -> s.branchTermYears();
      default -> throw new RuleViolation("reElection.kind", kind.label() + "不由选举产生，没有换届");
    };
  }

  /** The higher organization is reminded from this day on (about six months before the term ends). */
  public static LocalDate reminderFrom(LocalDate termEnd, ReElectionSettings s) {
    return termEnd.minusMonths(s.reminderMonths());
  }

  public static boolean reminderDue(LocalDate termEnd, LocalDate today, ReElectionSettings s) {
    return !today.isBefore(reminderFrom(termEnd, s));
  }

  /** 差额选举: the fewest candidates for {@code seats} committee seats (5 seats at 20%: 6). */
  public static int fewestCandidates(int seats, ReElectionSettings s) {
    return (seats * (100 + s.competitiveMarginPercent()) + 99) / 100;
  }

  public static void checkCandidates(int seats, int candidates, ReElectionSettings s) {
    if (seats < 1) {
      throw new RuleViolation("reElection.seats", "请填写应选委员名额（至少1名）");
    }
    int fewest = fewestCandidates(seats, s);
    if (candidates < fewest) {
      throw new RuleViolation("reElection.candidates.margin", "委员候选人应多于应选人数" + s.competitiveMarginPercent()
          + "%（差额选举，《中国共产党基层组织选举工作条例》）：应选" + seats + "名，候选人至少" + fewest + "名，现有"
          + candidates + "名");
    }
  }

  /** 有选举权的到会人数超过应到会人数的五分之四，会议有效. */
  public static void checkQuorum(int entitled, int present) {
    if (entitled < 1) {
      throw new RuleViolation("reElection.entitled", "应到会有选举权的党员人数至少为1人");
    }
    if (present < 0 || present > entitled) {
      throw new RuleViolation("reElection.present", "实到" + present + "人，不能多于应到会有选举权的" + entitled + "人");
    }
    if (present * 5L <= entitled * 4L) {
      throw new RuleViolation("reElection.quorum", "到会有选举权的党员" + present + "人，未超过应到会人数" + entitled
          + "人的五分之四，会议无效，不能进行选举（《中国共产党基层组织选举工作条例》）");
    }
  }

  /** What a round of voting elected. {@code unfilled} seats remain when fewer than the seats got a majority. */
  public record Outcome(List<String> elected, List<String> notElected, int unfilled) {}

  /**
   * 被选举人获得的赞成票超过应到会有选举权人数的一半，始得当选. When more candidates pass than there are seats,
   * the most votes win; candidates tied for the last seat are all left for another round.
   *
   * @param votes candidate to votes for, in the order nominated
   */
  public static Outcome count(int entitled, int present, int seats, Map<String, Integer> votes) {
    return count(entitled, present, seats, votes, Function.identity());
  }

  /** As {@link #count(int, int, int, Map)}; a refusal names the candidate by {@code names} (their name, not id). */
  public static Outcome count(int entitled, int present, int seats, Map<String, Integer> votes,
      Function<String, String> names) {
    checkQuorum(entitled, present);
    votes.forEach((candidate, n) -> {
      if (n == null || n < 0 || n > present) {
        throw new RuleViolation("reElection.votes", "候选人" + names.apply(candidate) + "的得票数" + n + "无效：应为0至实到人数"
            + present);
      }
    });
    List<Map.Entry<String, Integer>> passed = new ArrayList<>(votes.entrySet().stream()
        .filter(e -> e.getValue() * 2L > entitled).toList());
    passed.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
    List<String> elected = new ArrayList<>();
    if (passed.size() <= seats) {
      passed.forEach(e -> elected.add(e.getKey()));
    } else {
      int last = passed.get(seats - 1).getValue();
      boolean tieAcrossCut = passed.get(seats).getValue() == last;
      passed.stream().filter(e -> tieAcrossCut ? e.getValue() > last : e.getValue() >= last).limit(seats)
          .forEach(e -> elected.add(e.getKey()));
    }
    List<String> notElected = votes.keySet().stream().filter(c -> !elected.contains(c)).toList();
    return new Outcome(List.copyOf(elected), notElected, seats - elected.size());
  }

  /** A committee short of seats goes on with fewer members only when at least the minimum were elected. */
  public static void checkShortfallReport(int elected, ReElectionSettings s) {
    if (elected < s.minCommitteeMembers()) {
      throw new RuleViolation("reElection.shortfall", "只选出" + elected + "名委员，少于" + s.minCommitteeMembers()
          + "名，不能减少名额结束选举，请对不足名额另行选举");
    }
  }

  /** Postponing (POSTPONE) or advancing (ADVANCE) a term: higher approval and at most the set months (one year). */
  public static void checkTermChange(RequestType type, LocalDate currentEnd, LocalDate newEnd, LocalDate today,
      ReElectionSettings s) {
    if (currentEnd == null) {
      throw new RuleViolation("reElection.term.unknown", "本届任期届满日期未登记，请先由上级组织部门登记任期，再申请延期或提前换届");
    }
    if (newEnd == null) {
      throw new RuleViolation("reElection.term.new", "请填写" + type.label() + "后的换届日期");
    }
    LocalDate limit = type == RequestType.POSTPONE ? currentEnd.plusMonths(s.maxTermChangeMonths())
        : currentEnd.minusMonths(s.maxTermChangeMonths());
    if (type == RequestType.POSTPONE && (!newEnd.isAfter(currentEnd) || newEnd.isAfter(limit))) {
      throw new RuleViolation("reElection.term.postpone", "延期换届须在任期届满日" + currentEnd + "之后，且不超过"
          + months(s) + "（至" + limit + "为止，党章第三十一条、《中国共产党基层组织选举工作条例》）");
    }
    if (type == RequestType.ADVANCE && (!newEnd.isBefore(currentEnd) || newEnd.isBefore(limit)
        || newEnd.isBefore(today))) {
      throw new RuleViolation("reElection.term.advance", "提前换届的日期须在任期届满日" + currentEnd + "之前、今天之后，且提前不超过"
          + months(s) + "（不早于" + limit + "，党章第三十一条、《中国共产党基层组织选举工作条例》）");
    }
  }

  /** The new term ends this many years after the election was approved. */
  public static LocalDate newTermEnd(LocalDate approvedOn, OrganizationKind kind, ReElectionSettings s) {
    return approvedOn.plusYears(termYears(kind, s));
  }

  private static String months(ReElectionSettings s) {
    return s.maxTermChangeMonths() % 12 == 0 ? s.maxTermChangeMonths() / 12 + "年" : s.maxTermChangeMonths() + "个月";
  }

  /** Candidates and votes as the form submits them, keyed by person, in the order given; a name twice is refused. */
  public static Map<String, Integer> votes(List<Map.Entry<String, Integer>> rows) {
    Map<String, Integer> votes = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> r : rows) {
      if (votes.put(r.getKey(), r.getValue()) != null) {
        throw new RuleViolation("reElection.votes.twice", "候选人" + r.getKey() + "的得票填写了两次");
      }
    }
    return votes;
  }
}
