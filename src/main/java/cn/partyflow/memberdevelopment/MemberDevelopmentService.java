package cn.partyflow.memberdevelopment;

import static cn.partyflow.memberdevelopment.MemberDevelopment.*;

import cn.partyflow.memberdevelopment.MemberDevelopment.Outcome;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The work the steps of a 发展党员 case ask for ({@link MemberDevelopmentSteps}): opening a case from the registry,
 * at the stage it has reached on paper, with its historic dates checked by the same rules; the probation dates;
 * the registry's stage and the event that a probationary member was admitted. A violation leaves the case and the
 * registry unchanged.
 */
public class MemberDevelopmentService {

  private final MemberDevelopmentRules rules;
  private final PersonRegistry registry;
  private final Consumer<Object> events;

  MemberDevelopmentService(MemberDevelopmentRules rules, PersonRegistry registry, Consumer<Object> events) {
    this.rules = rules;
    this.registry = registry;
    this.events = events;
  }

  /**
   * A new case: the applicant must be in the registry, and the case belongs to the branch the registry names. A case
   * already under way on paper enters at {@code startStage} with its historic dates, which the same rules check.
   */
  Map<String, Object> start(Map<String, Object> variables, String businessKey) {
    CaseVariables v = new CaseVariables(variables);
    String applicantId = v.required(APPLICANT_ID, "申请人（人员编号）");
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(applicantId)) {
      throw new RuleViolation("memberDevelopment.businessKey", "业务编号须为申请人的人员编号" + applicantId + "，而不是" + businessKey);
    }
    Person applicant = registry.person(applicantId)
        .orElseThrow(() -> new RuleViolation("memberDevelopment.unknownApplicant", "人员名册中没有编号为" + applicantId + "的人员，请先录入"));
    String branchId = applicant.orgId();
    for (String submitted : new String[] {v.string(BRANCH_ID), v.string("orgId")}) {
      if (submitted != null && !submitted.isBlank() && !submitted.equals(branchId)) {
        throw new RuleViolation("memberDevelopment.branchFromRegistry", applicant.name() + "的组织关系在"
            + registry.organizationName(branchId).orElse(branchId) + "，案件的党支部以人员名册为准，不能另行指定");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(BRANCH_ID, branchId);
    out.put(BRANCH_NAME, registry.organizationName(branchId).orElse(branchId));
    out.put("orgId", branchId);
    putIfAbsent(out, v, APPLICANT_NAME, applicant.name());
    putIfAbsent(out, v, GENDER, applicant.gender());
    putIfAbsent(out, v, BIRTH_DATE, applicant.birthDate() == null ? null : applicant.birthDate().toString());
    putIfAbsent(out, v, APPLICATION_DATE,
        applicant.applicationDate() == null ? null : applicant.applicationDate().toString());
    String stage = v.string(START_STAGE) == null || v.string(START_STAGE).isEmpty() ? "APPLICATION"
        : v.string(START_STAGE);
    if (v.bool(POLITICAL_REVIEW_PASSED) != null) {
      out.put(POLITICAL_REVIEW_PASSED, v.bool(POLITICAL_REVIEW_PASSED));
    }
    out.put(START_STAGE, stage);
    out.put(STAGE_OUTCOME, Outcome.CONTINUE.name());
    out.put("extended", Boolean.FALSE);
    Map<String, Object> all = new HashMap<>(variables);
    all.putAll(out);
    out.putAll(enter(stage, new CaseVariables(all), applicantId, branchId));
    return out;
  }

  private Map<String, Object> enter(String stage, CaseVariables v, String applicantId, String branchId) {
    Map<String, Object> out = new LinkedHashMap<>();
    LocalDate today = ChinaClock.today();
    if (stage.equals("APPLICATION")) {
      out.put(ENTRY_STEP, "");
      return out;
    }
    List<String> stages = List.of("ACTIVIST", "TARGET", "ADMISSION", "PROBATION");
    int depth = stages.indexOf(stage);
    if (depth < 0) {
      throw new RuleViolation("memberDevelopment.startStage", "未知的起始阶段：" + stage + "（可选 APPLICATION、ACTIVIST、TARGET、ADMISSION、PROBATION）");
    }
    LocalDate applied = v.requiredDate(APPLICATION_DATE, "入党申请日期");
    rules.age(v.requiredDate(BIRTH_DATE, "出生日期"), applied);
    LocalDate talk = v.date(TALK_DATE, "谈话日期");
    if (talk != null) {
      rules.talk(applied, talk, v.string("talkDelayReason"));
    }
    LocalDate activist = v.requiredDate(ACTIVIST_DATE, "确定为入党积极分子的日期");
    rules.activist(applied, talk, activist);
    rules.notInFuture("确定为入党积极分子的日期", activist, today);
    Map<StageDate, LocalDate> dates = new EnumMap<>(StageDate.class);
    dates.put(StageDate.APPLICATION, applied);
    dates.put(StageDate.ACTIVIST, activist);
    MemberStatus status = MemberStatus.ACTIVIST;
    out.put(ENTRY_STEP, "CONTACTS");
    if (!v.ids(CONTACT_IDS, "培养联系人").isEmpty()) {
      rules.contacts(applicantId, v.ids(CONTACT_IDS, "培养联系人"), registry::person);
    }
    if (depth >= 1) {
      LocalDate target = v.requiredDate(DEVELOPMENT_TARGET_DATE, "确定为发展对象的日期");
      rules.developmentTarget(activist, target, v.raw("assessments") == null ? Integer.MAX_VALUE
          : v.list("assessments", "考察记录").size());
      rules.notInFuture("确定为发展对象的日期", target, today);
      dates.put(StageDate.TARGET, target);
      status = MemberStatus.TARGET;
      out.put(ENTRY_STEP, "SPONSORS");
    }
    if (depth >= 2) {
      rules.sponsors(applicantId, v.ids(SPONSOR_IDS, "入党介绍人"), registry::person);
      if (!Boolean.TRUE.equals(v.bool(POLITICAL_REVIEW_PASSED))) {
        throw new RuleViolation("memberDevelopment.politicalReview", "未经政治审查或政治审查不合格的，不能发展入党（" + MemberDevelopmentRules.XIZE + "）");
      }
      rules.trainingSufficient(v.integer("trainingDays", "培训天数"), v.integer(TRAINING_HOURS, "培训学时"));
      // The later steps check the training's end (支委会审查, 支部大会) and the review's age (支部大会): a case
      // entered here must bring both, or it could never hold its branch meeting.
      LocalDate trainingEnd = depth == 2 ? v.requiredDate("trainingEnd", "集中培训结束日期")
          : v.date("trainingEnd", "集中培训结束日期");
      rules.notInFuture("集中培训结束日期", trainingEnd, today);
      LocalDate reviewed = depth == 2 ? v.requiredDate("politicalReviewDate", "政审日期")
          : v.date("politicalReviewDate", "政审日期");
      rules.notInFuture("政审日期", reviewed, today);
      out.put(ENTRY_STEP, "");
    }
    if (depth >= 3) {
      LocalDate meeting = v.requiredDate(ADMISSION_MEETING_DATE, "接收预备党员的支部大会日期");
      if (v.integer(VOTERS_ENTITLED, "应到会人数") != null
          && !rules.meeting(v.integer(VOTERS_ENTITLED, "应到会人数"), v.integer(VOTERS_PRESENT, "实到会人数"),
              v.integer(VOTES_FOR, "赞成票数"))) {
        throw new RuleViolation("memberDevelopment.admissionVote", "赞成票未超过应到会有表决权正式党员的半数，不能接收为预备党员（"
            + MemberDevelopmentRules.XIZE + "第二十一条）");
      }
      LocalDate approval = v.requiredDate(APPROVAL_DATE, "上级党委审批日期");
      rules.approvalInTime(meeting, approval, v.string("approvalExtensionReason"));
      rules.notInFuture("上级党委审批日期", approval, today);
      dates.put(StageDate.ADMISSION, meeting);
      status = MemberStatus.PROBATIONARY;
      out.putAll(probation(rules.probationEnd(meeting)));
      out.put(ENTRY_STEP, "ASSESSMENT");
      events.accept(new ProbationaryMemberAdmitted(applicantId, branchId, meeting));
    }
    registry.update(applicantId, status, dates);
    return out;
  }

  /** A step's registry change: the person's new stage with its dates. */
  void recordStage(String applicantId, MemberStatus status, Map<StageDate, LocalDate> dates) {
    registry.update(applicantId, status, dates);
  }

  void publish(Object event) {
    events.accept(event);
  }

  /** The probation's end, its deadline and the reminder before it, as the case keeps them. */
  Map<String, Object> probation(LocalDate end) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(PROBATION_END_DATE, end.toString());
    out.put("probationEndAt", midnightAfter(end));
    out.put("conversionReminderAt", startOfDay(rules.conversionReminder(end)));
    return out;
  }

  /** The registry's value where the form left the field empty (出生日期: 名册中已有的可不填). */
  private static void putIfAbsent(Map<String, Object> out, CaseVariables v, String name, Object value) {
    if ((v.string(name) == null || v.string(name).isEmpty()) && value != null) {
      out.put(name, value);
    }
  }

  /** The moment a day ends, midnight after it: a deadline "by day D" falls due then. */
  static Date midnightAfter(LocalDate d) {
    return ChinaClock.toDate(d.plusDays(1).atStartOfDay());
  }

  static Date startOfDay(LocalDate d) {
    return ChinaClock.toDate(d.atStartOfDay());
  }
}
