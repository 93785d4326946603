package cn.partyflow.reports;

import static cn.partyflow.organization.MemberStatus.ACTIVIST;
import static cn.partyflow.organization.MemberStatus.APPLICANT;
import static cn.partyflow.organization.MemberStatus.FULL_MEMBER;
import static cn.partyflow.organization.MemberStatus.PROBATIONARY;
import static cn.partyflow.organization.MemberStatus.TARGET;

import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * 党员队伍 and 发展党员 from the person registry: who stood at which stage on the report's day, by gender, age and
 * branch, and who reached a stage within the period, with the median time each stage took. The registry keeps the
 * date each stage was reached (the procedure writes them, imports bring them for earlier years), so the standing
 * on a past day is the highest stage reached by then, never above the person's status today.
 */
final class MemberFigures {

  /** Age bands of the reports ("35周岁以下的党员X人"); a person without a birth date is counted apart. */
  static final List<String> AGE_BANDS = List.of("35岁及以下", "36至45岁", "46至55岁", "56至60岁", "61岁及以上", "未登记出生日期");

  static final List<MemberStatus> PIPELINE = List.of(FULL_MEMBER, PROBATIONARY, TARGET, ACTIVIST, APPLICANT);

  private MemberFigures() {}

  /** The stage the person stood at on {@code day}, or null when not yet (or no longer) on the way into the Party. */
  static MemberStatus statusAt(Person p, LocalDate day) {
    int current = PIPELINE.indexOf(p.status());
    if (current < 0) {
      return null;
    }
    for (int i = current; i < PIPELINE.size(); i++) {
      MemberStatus stage = PIPELINE.get(i);
      LocalDate reached = reached(p, stage);
      if (i == current ? reached == null || !reached.isAfter(day) : reached != null && !reached.isAfter(day)) {
        return stage;
      }
    }
    return null;
  }

  static LocalDate reached(Person p, MemberStatus stage) {
    return switch (stage) {
      case FULL_MEMBER -> p.fullMemberDate();
      case PROBATIONARY -> p.admissionDate();
      case TARGET -> p.targetDate();
      case ACTIVIST -> p.activistDate();
      case APPLICANT -> p.applicationDate();
      default -> null;
    };
  }

  static boolean isMember(MemberStatus s) {
    return s == FULL_MEMBER || s == PROBATIONARY;
  }

  /** The age band on {@code day}: completed years of age, as the reports count 周岁. */
  static String ageBand(LocalDate birth, LocalDate day) {
    if (birth == null) {
      return AGE_BANDS.get(5);
    }
    long age = ChronoUnit.YEARS.between(birth, day);
    return age <= 35 ? AGE_BANDS.get(0) : age <= 45 ? AGE_BANDS.get(1) : age <= 55 ? AGE_BANDS.get(2)
        : age <= 60 ? AGE_BANDS.get(3) : AGE_BANDS.get(4);
  }

  /** Converted after an extension: the 党龄 date lies beyond the one-year 预备期 counted from admission. */
  static boolean convertedAfterExtension(Person p, int probationMonths) {
    return p.admissionDate() != null && p.fullMemberDate() != null
        && p.fullMemberDate().isAfter(p.admissionDate().plusMonths(probationMonths));
  }

  static List<ReportTable> members(List<Person> people, ReportScope scope, LocalDate day, Figures f) {
    // By identity: a person's record hashes all sixteen of its fields, and a county's report looks tens of
    // thousands of people up several times each. placed keeps the registry's order.
    Map<Person, MemberStatus> at = new IdentityHashMap<>();
    List<Person> placed = new ArrayList<>();
    people.forEach(p -> {
      MemberStatus s = statusAt(p, day);
      if (s != null) {
        at.put(p, s);
        placed.add(p);
      }
    });
    List<Person> members = placed.stream().filter(p -> isMember(at.get(p))).toList();
    List<ReportTable.Row> status = new ArrayList<>();
    status.add(row("党员合计", f.count("members.all", "党员合计", refs(members, scope, at))));
    for (MemberStatus s : PIPELINE) {
      List<Person> list = placed.stream().filter(p -> at.get(p) == s).toList();
      status.add(row(s.label(), f.count("members.status." + s.name(), s.label(), refs(list, scope, at))));
    }
    f.number("members", members.size());
    f.number("fullMembers", count(at, FULL_MEMBER));
    f.number("probationary", count(at, PROBATIONARY));
    f.number("targetsNow", count(at, TARGET));
    f.number("activistsNow", count(at, ACTIVIST));
    f.number("applicantsNow", count(at, APPLICANT));

    List<ReportTable.Row> gender = new ArrayList<>();
    for (String g : List.of("男", "女", "未登记")) {
      List<Person> list = members.stream().filter(p -> genderOf(p).equals(g)).toList();
      gender.add(new ReportTable.Row(g, List.of(f.count("members.gender." + g, g + "党员", refs(list, scope, at)),
          ReportTable.Cell.text(Figures.rate(list.size(), members.size())))));
      if (g.equals("女")) {
        f.number("women", list.size());
        f.number("womenShare", Figures.rate(list.size(), members.size()));
      }
    }
    List<ReportTable.Row> age = new ArrayList<>();
    for (int i = 0; i < AGE_BANDS.size(); i++) {
      String band = AGE_BANDS.get(i);
      List<Person> list = members.stream().filter(p -> ageBand(p.birthDate(), day).equals(band)).toList();
      age.add(new ReportTable.Row(band, List.of(f.count("members.age." + i, band + "党员", refs(list, scope, at)),
          ReportTable.Cell.text(Figures.rate(list.size(), members.size())))));
      if (i == 0) {
        f.number("young", list.size());
        f.number("youngShare", Figures.rate(list.size(), members.size()));
      }
    }
    List<ReportTable.Row> branches = new ArrayList<>();
    Map<String, List<Person>> byBranch = new LinkedHashMap<>();
    scope.ordered().forEach(o -> byBranch.put(o.id(), new ArrayList<>()));
    placed.forEach(p -> byBranch.computeIfAbsent(scope.branchOf(p.orgId()), k -> new ArrayList<>()).add(p));
    byBranch.forEach((branch, list) -> {
      if (list.isEmpty()) {
        return;
      }
      List<ReportTable.Cell> cells = new ArrayList<>();
      List<Person> m = list.stream().filter(p -> isMember(at.get(p))).toList();
      cells.add(f.count("members.branch." + branch, scope.name(branch) + "党员", refs(m, scope, at)));
      for (MemberStatus s : PIPELINE) {
        cells.add(f.count("members.branch." + branch + "." + s.name(), scope.name(branch) + s.label(),
            refs(list.stream().filter(p -> at.get(p) == s).toList(), scope, at)));
      }
      branches.add(new ReportTable.Row(scope.name(branch), cells));
    });
    f.number("branchesWithMembers", branches.stream().filter(r -> !r.cells().get(0).text().equals("0")).count());
    String asOf = "截至" + day;
    return List.of(
        new ReportTable("members-status", "党员队伍（" + asOf + "）", List.of("类别", "人数"), status,
            "按人员名册所记各阶段日期推算期末状态；党员合计为正式党员与预备党员之和"),
        new ReportTable("members-gender", "党员性别结构（" + asOf + "）", List.of("性别", "人数", "占比"), gender, null),
        new ReportTable("members-age", "党员年龄结构（" + asOf + "，按周岁）", List.of("年龄段", "人数", "占比"), age, null),
        new ReportTable("members-branch", "各党组织党员及入党积极分子（" + asOf + "）",
            List.of("党组织", "党员合计", "正式党员", "预备党员", "发展对象", "入党积极分子", "入党申请人"), branches,
            "党小组的人员计入其所在党支部"));
  }

  /** Who reached each stage within the period, and how long each stage took for them. */
  static List<ReportTable> development(List<Person> people, ReportScope scope, Period period, int probationMonths,
      List<Ref> extended, List<Ref> cancelled, List<Ref> overdueRefs, Map<String, List<Ref>> overdueByStep,
      Figures f) {
    List<Person> applied = reachedIn(people, Person::applicationDate, period);
    List<Person> activists = reachedIn(people, Person::activistDate, period);
    List<Person> targets = reachedIn(people, Person::targetDate, period);
    List<Person> admitted = reachedIn(people, Person::admissionDate, period);
    List<Person> converted = reachedIn(people, Person::fullMemberDate, period);
    List<Person> onTime = converted.stream().filter(p -> !convertedAfterExtension(p, probationMonths)).toList();
    List<Person> late = converted.stream().filter(p -> convertedAfterExtension(p, probationMonths)).toList();
    List<ReportTable.Row> rows = List.of(
        row("收到入党申请", f.count("md.applications", "收到入党申请", refs(applied, scope, Person::applicationDate))),
        row("确定入党积极分子", f.count("md.activists", "确定入党积极分子", refs(activists, scope, Person::activistDate))),
        row("确定发展对象", f.count("md.targets", "确定发展对象", refs(targets, scope, Person::targetDate))),
        row("接收预备党员", f.count("md.admitted", "接收预备党员", refs(admitted, scope, Person::admissionDate))),
        row("预备党员按期转正", f.count("md.convertedOnTime", "预备党员按期转正", refs(onTime, scope, Person::fullMemberDate))),
        row("延长预备期后转正", f.count("md.convertedLate", "延长预备期后转正", refs(late, scope, Person::fullMemberDate))),
        row("延长预备期", f.count("md.extended", "延长预备期", extended)),
        row("取消预备党员资格", f.count("md.cancelled", "取消预备党员资格", cancelled)));
    f.number("applications", applied.size());
    f.number("activists", activists.size());
    f.number("targets", targets.size());
    f.number("admitted", admitted.size());
    f.number("converted", converted.size());
    f.number("convertedOnTime", onTime.size());
    f.number("convertedLate", late.size());
    f.number("extended", extended.size());
    f.number("cancelled", cancelled.size());

    List<ReportTable.Row> stages = new ArrayList<>();
    stages.add(stage("申请入党至确定为入党积极分子", "md.stage.activist", activists, Person::applicationDate,
        Person::activistDate, scope, f));
    stages.add(stage("入党积极分子至确定为发展对象", "md.stage.target", targets, Person::activistDate, Person::targetDate,
        scope, f));
    stages.add(stage("发展对象至接收为预备党员", "md.stage.admission", admitted, Person::targetDate,
        Person::admissionDate, scope, f));
    stages.add(stage("预备期（接收至转正）", "md.stage.probation", converted, Person::admissionDate,
        Person::fullMemberDate, scope, f));

    List<ReportTable.Row> overdue = new ArrayList<>();
    overdueByStep.forEach((step, list) -> overdue.add(row(step, f.count("md.overdue." + step, "超期未办：" + step, list))));
    overdue.add(row("合计", f.count("md.overdue", "发展党员超期未办", overdueRefs)));
    f.number("mdOverdue", overdueRefs.size());
    return List.of(
        new ReportTable("development", "发展党员（" + period.label() + "）", List.of("事项", "人数"), rows,
            "按人员名册所记各阶段日期统计；按期转正与延长预备期后转正以转正（党龄起算）日期计；延长预备期按作出决定的时间计，"
                + "取消预备党员资格按上级党委审批日期计"),
        new ReportTable("development-stages", "发展党员各阶段用时（" + period.label() + "完成该阶段者）",
            List.of("阶段", "人数", "中位天数"), stages, "两个日期均有记录者参与计算"),
        new ReportTable("development-overdue", "发展党员超期未办环节（截至今日）", List.of("环节", "件数"), overdue,
            "办理期限已过仍未办结的发展党员环节"));
  }

  private static ReportTable.Row stage(String label, String key, List<Person> reached,
      Function<Person, LocalDate> start, Function<Person, LocalDate> end, ReportScope scope, Figures f) {
    List<Person> known = reached.stream().filter(p -> start.apply(p) != null && !start.apply(p).isAfter(end.apply(p)))
        .toList();
    List<Long> days = known.stream().map(p -> ChronoUnit.DAYS.between(start.apply(p), end.apply(p))).sorted().toList();
    return new ReportTable.Row(label, List.of(f.count(key, label, refs(known, scope, end)),
        ReportTable.Cell.text(median(days))));
  }

  /** The middle value, or the mean of the two middle ones ("182.5"); "—" for none. */
  static String median(List<Long> sorted) {
    if (sorted.isEmpty()) {
      return "—";
    }
    int n = sorted.size();
    if (n % 2 == 1) {
      return String.valueOf(sorted.get(n / 2));
    }
    long sum = sorted.get(n / 2 - 1) + sorted.get(n / 2);
    return sum % 2 == 0 ? String.valueOf(sum / 2) : (sum / 2) + ".5";
  }

  private static List<Person> reachedIn(List<Person> people, Function<Person, LocalDate> date, Period period) {
    return people.stream().filter(p -> period.contains(date.apply(p))).toList();
  }

  private static long count(Map<Person, MemberStatus> at, MemberStatus s) {
    return at.values().stream().filter(Predicate.isEqual(s)).count();
  }

  private static String genderOf(Person p) {
    return "男".equals(p.gender()) || "女".equals(p.gender()) ? p.gender() : "未登记";
  }

  private static ReportTable.Row row(String label, ReportTable.Cell cell) {
    return new ReportTable.Row(label, List.of(cell));
  }

  /** The people with the stage they stood at on the report's day (today's may be higher). */
  static List<Ref> refs(List<Person> people, ReportScope scope, Map<Person, MemberStatus> at) {
    return lazily(people, p -> new Ref(p.name(), scope.name(p.orgId()), at.get(p).label(),
        ReportScope.personHref(p.id()), null));
  }

  static List<Ref> refs(List<Person> people, ReportScope scope, Function<Person, LocalDate> date) {
    return lazily(people, p -> new Ref(p.name(), scope.name(p.orgId()), String.valueOf(date.apply(p)),
        ReportScope.personHref(p.id()), null));
  }

  /**
   * The people of a figure as its list, each line made when read: a county's report counts tens of thousands of
   * people into some forty figures, and only the figure somebody opens needs its lines.
   */
  private static List<Ref> lazily(List<Person> people, Function<Person, Ref> line) {
    return new AbstractList<>() {
      @Override
      public Ref get(int index) {
        return line.apply(people.get(index));
      }

      @Override
      public int size() {
        return people.size();
      }
    };
  }
}
