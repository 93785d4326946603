package cn.partyflow.memberdevelopment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import cn.partyflow.UnitEngine;
import cn.partyflow.calendar.ChinaCalendarFixture;
import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.organization.FixedRouting;
import cn.partyflow.organization.MemberStatus;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.ChinaClock;
import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemberDevelopmentProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = UnitEngine.extension();

  final FakePersonRegistry registry = new FakePersonRegistry()
      .add("A1", "林小雨", MemberStatus.APPLICANT, false)
      .add("M1", "谢华", MemberStatus.FULL_MEMBER, false)
      .add("M2", "潘悦", MemberStatus.FULL_MEMBER, false)
      .add("W1", "宋涛", MemberStatus.FULL_MEMBER, true)
      .officer("P010", "陈静")
      .officer("P011", "刘洋")
      .committeeMember("P002", "李红梅");
  final List<Object> events = new ArrayList<>();
  final FakeCommitteeMeetings meetings = new FakeCommitteeMeetings();
  final MemberDevelopmentSettings settings = new MemberDevelopmentSettings();
  Deployment deployment;
  ProcessInstance pi;

  @BeforeEach
  void deployAndRegister() throws IOException {
    ProcessEngine e = engine.getProcessEngine();
    init(e);
    WorkdayCalendar calendar = ChinaCalendarFixture.calendar(false);
    MemberDevelopmentRules rules = new MemberDevelopmentRules(settings, calendar);
    MemberDevelopmentService service = new MemberDevelopmentService(rules, registry, events::add);
    Mocks.register("workdays", calendar);
    Mocks.register("routing", new FixedRouting("rmyy"));
    Mocks.register("memberDevelopmentSteps", new MemberDevelopmentSteps(service, rules, registry, meetings));
    DeploymentBuilder builder = e.getRepositoryService().createDeployment()
        .addClasspathResource("processes/member-development/member-development.bpmn");
    try (Stream<Path> forms = Files.list(Path.of("forms/member-development"))) {
      forms.forEach(f -> builder.addClasspathResource("forms/member-development/" + f.getFileName()));
    }
    deployment = builder.deploy();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    engine.getProcessEngine().getRepositoryService().deleteDeployment(deployment.getId(), true, true);
    Mocks.reset();
    reset();
  }

  // ------------------------------------------------------------------ the whole way

  @Test
  void carriesAnApplicantThroughAllFiveStagesToFullMember() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    approve("2025-11-10");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.PROBATIONARY);
    Assertions.assertThat(person().admissionDate()).isEqualTo(LocalDate.parse("2025-10-20"));
    Assertions.assertThat(events).containsExactly(
        new ProbationaryMemberAdmitted("A1", "rmyy-nk", LocalDate.parse("2025-10-20")));
    Assertions.assertThat(var("probationEndDate")).isEqualTo("2026-10-20");
    probationToConversionMeeting();
    conversionMeeting("2026-10-20", "CONVERT", null);
    assertThat(pi).isWaitingAt("Task_ConversionApproval");
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
    approveConversion("2026-11-01");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.FULL_MEMBER);
    Assertions.assertThat(person().fullMemberDate()).isEqualTo(LocalDate.parse("2026-10-20"));
    Assertions.assertThat(var("partyStandingFrom")).isEqualTo("2026-10-20");
    submit("Task_ArchiveMaterials", "archiveChecklist", json("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\",\"培养教育考察材料\"]"),
        "archiveDate", "2026-11-05", "archiveLocation", "人事档案");
    assertThat(pi).isEnded().hasPassed("EndEvent_Converted").hasPassed("EndEvent_FullMember");
    assertThat(pi).hasPassedInOrder("Task_RecordApplication", "Task_TalkWithApplicant", "Task_NominateActivist",
        "Task_FileActivist", "Task_AppointContacts", "Task_Cultivate", "Task_DecideTarget", "Task_FileTarget",
        "Task_FixSponsors", "Task_PoliticalReview", "Task_Training", "Task_CommitteeScreening",
        "Task_StartPublicity", "Task_PreReview", "Task_FillVolunteerForm", "Task_AdmissionMeeting",
        "Task_PreApprovalTalk", "Task_Approval", "Task_FileUpward", "Task_Placement", "Task_Oath",
        "Task_ContinuedAssessment", "Task_ConversionApplication", "Task_ConversionMeeting",
        "Task_ConversionApproval", "Task_ArchiveMaterials");
  }

  @Test
  void routesEachStepToTheRoleThatMustDoIt() {
    start();
    assertThat(task()).hasCandidateGroup("rmyy-nk.organizer").hasName("登记林小雨的入党申请书");
    submit("Task_RecordApplication", "applicationDate", "2025-03-01", "birthDate", "1999-05-20", "gender", "女");
    assertThat(task()).hasCandidateGroup("rmyy-nk.organizer").hasName("与林小雨谈话")
        .hasDueDate(ChinaClock.toDate(LocalDateTime.parse("2025-04-02T00:00")));
    Assertions.assertThat(task().getFollowUpDate())
        .isEqualTo(ChinaClock.toDate(LocalDateTime.parse("2025-03-25T00:00")));
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.APPLICANT);
    Assertions.assertThat(person().applicationDate()).isEqualTo(LocalDate.parse("2025-03-01"));
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo("A1");
    Assertions.assertThat(var("orgId")).isEqualTo("rmyy-nk");
  }

  // ------------------------------------------------------------------ timers

  @Test
  void anOverdueTalkEscalatesToTheBranchSecretary() {
    clock("2025-03-01T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2025-03-01", "birthDate", "1999-05-20", "gender", "女");
    clock("2025-04-01T23:00");
    Assertions.assertThat(executableJobs()).isEmpty();
    clock("2025-04-02T00:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_TalkWithApplicant");
    assertThat(task()).hasCandidateGroup("rmyy-nk.secretary").hasCandidateGroup("rmyy-nk.organizer");
    Assertions.assertThat(task().getPriority()).isEqualTo(MemberDevelopmentSteps.ESCALATED_PRIORITY);
    assertThatRefused(() -> submit("Task_TalkWithApplicant", "talkDate", "2025-04-02", "talkBy", "P010",
        "talkRecord", "了解入党动机"), "一个月内派人谈话");
    submit("Task_TalkWithApplicant", "talkDate", "2025-04-02", "talkBy", "P010", "talkRecord", "了解入党动机",
        "talkDelayReason", "申请人外出进修");
    assertThat(pi).isWaitingAt("Task_NominateActivist");
  }

  // ------------------------------------------------------------------ people chosen from lists

  @Test
  void theTalkerIsChosenAmongTheBranchOfficersListedByNameOnTheTask() {
    clock("2024-01-25T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    String options = taskService().getVariableLocalTyped(task().getId(), "officerOptions").getValue().toString();
    Assertions.assertThat(options).contains("\"label\":\"陈静\"", "\"value\":\"P010\"", "\"label\":\"刘洋\"")
        .doesNotContain("谢华").doesNotContain("（P0");
    assertThatRefused(() -> submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "M1",
        "talkRecord", "了解入党动机"), "谈话人须是党支部书记、副书记或组织委员");
    assertThat(pi).isWaitingAt("Task_TalkWithApplicant");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "了解入党动机");
    assertThat(pi).isWaitingAt("Task_NominateActivist");
  }

  @Test
  void contactsAndSponsorsAreOfferedByNameAndThePreApprovalTalkerMustBeOfTheApprovingCommittee() {
    clock("2025-10-13T09:00");
    walkToSponsors();
    String members = taskService().getVariableLocalTyped(task().getId(), "memberOptions").getValue().toString();
    Assertions.assertThat(members).contains("\"label\":\"谢华\"", "\"value\":\"M1\"").doesNotContain("宋涛")
        .doesNotContain("（M");
    submit("Task_FixSponsors", "sponsorIds", json("[\"M1\",\"M2\"]"), "sponsorsConsented", true);
    submit("Task_PoliticalReview", "politicalReviewDate", "2025-08-10", "politicalReviewConclusion", "合格",
        "politicalReviewPassed", "true");
    submit("Task_Training", "trainingStart", "2025-08-20", "trainingEnd", "2025-08-22", "trainingDays", 3,
        "trainingHours", 24);
    submit("Task_CommitteeScreening", "screeningDate", "2025-09-01", "screeningRecord", "同意",
        "screeningDecision", "PASS", "leavingUnitSoon", "false");
    submit("Task_StartPublicity", "publicityStart", "2025-09-01", "publicityPlace", "内科公示栏");
    submit("Task_WatchPublicity", "objectionReceived", false);
    submit("Task_PreReview", "preReviewDate", "2025-09-20", "preReviewOpinion", "同意", "preReviewPassed", "true");
    submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-09-25", "sponsorOpinionsWritten", true);
    submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-01", "votersEntitled", 20, "votersPresent", 15,
        "votesFor", 12, "admissionMeetingRecord", "无记名投票");
    Assertions.assertThat(taskService().getVariableLocalTyped(task().getId(), "committeeOptions").getValue()
        .toString()).contains("\"label\":\"李红梅\"");
    assertThatRefused(() -> submit("Task_PreApprovalTalk", "preApprovalTalkDate", "2025-10-05",
        "preApprovalTalkBy", "P011", "preApprovalTalkOpinion", "同意"), "须指派党委委员或组织员");
    submit("Task_PreApprovalTalk", "preApprovalTalkDate", "2025-10-05", "preApprovalTalkBy", "P002",
        "preApprovalTalkOpinion", "同意");
    assertThat(pi).isWaitingAt("Task_Approval");
  }

  @Test
  void publicityEndsAfterFiveWorkingDaysAcrossNationalDay() {
    walkToPublicity();
    Assertions.assertThat(var("publicityEnd")).isEqualTo("2025-10-13");
    assertThat(task()).hasName("林小雨发展对象公示期（受理异议）");
    clock("2025-10-13T23:00");
    Assertions.assertThat(executableJobs()).isEmpty();
    clock("2025-10-14T00:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_PreReview");
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
  }

  @Test
  void theProbationEndReminderOpensTheConversionApplicationAMonthBefore() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    approve("2025-11-10");
    submit("Task_FileUpward", "upwardFilingDate", "2025-11-15", "upwardFiledWith", "县委组织部");
    submit("Task_Placement", "placementDate", "2025-11-16", "partyGroup", "第一党小组");
    submit("Task_Oath", "oathDate", "2025-11-20", "oathPlace", "院党委会议室");
    assertThat(pi).isWaitingAt("Task_ContinuedAssessment");
    clock("2026-09-19T23:00");
    Assertions.assertThat(executableJobs()).isEmpty();
    clock("2026-09-20T00:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_ConversionApplication");
    assertThat(task()).hasName("接收林小雨的转正申请")
        .hasDueDate(ChinaClock.toDate(LocalDateTime.parse("2026-10-21T00:00")));
  }

  // ------------------------------------------------------------------ outcomes

  @Test
  void theVolunteerFormWaitsForTheSponsorsOpinions() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意", "preReviewPassed", "true");
    assertThatRefused(() -> submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15"), "入党介绍人须在入党志愿书上填写");
    assertThatRefused(() -> submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15",
        "sponsorOpinionsWritten", false), "入党介绍人须在入党志愿书上填写");
    assertThat(pi).isWaitingAt("Task_FillVolunteerForm");
    submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    assertThat(pi).isWaitingAt("Task_AdmissionMeeting");
  }

  @Test
  void returnsToCultivationWhenTheVoteFails() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(10);   // exactly half of the 20 entitled
    assertThat(pi).isWaitingAt("Task_Cultivate");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
    Assertions.assertThat(person().targetDate()).isNull();
    Assertions.assertThat(events).isEmpty();
  }

  @Test
  void endsWhenThePoliticalReviewFails() {
    clock("2025-09-29T09:00");
    walkToPoliticalReview();
    submit("Task_PoliticalReview", "politicalReviewDate", "2025-08-10", "politicalReviewConclusion", "直系亲属问题未查清",
        "politicalReviewPassed", "false");
    assertThat(pi).isEnded().hasPassed("EndEvent_PoliticalReviewFailed");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("politicalReviewPassed").singleResult().getValue()).isEqualTo(false);
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void endsAndTellsTheBranchWhenApprovalIsRefused() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    committeeDecides("Task_Approval", "2025-11-10", 1, "REFUSE", "群众反映问题", null);
    assertThat(pi).isWaitingAt("Task_NotifyRefusal");
    assertThat(task()).hasCandidateGroup("rmyy-nk.secretary");
    submit("Task_NotifyRefusal", "refusalNoticeDate", "2025-11-12", "refusalNoticeRecord", "已谈话");
    assertThat(pi).isEnded().hasPassed("EndEvent_NotApproved");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
    Assertions.assertThat(events).isEmpty();
  }

  @Test
  void extendsProbationOnceThenConverts() {
    toProbation();
    conversionMeeting("2026-10-20", "EXTEND", 6);
    approveConversion("2026-11-01");
    assertThat(pi).isWaitingAt("Task_ContinuedAssessment");
    Assertions.assertThat(var("probationEndDate")).isEqualTo("2027-04-20");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.PROBATIONARY);
    submit("Task_ContinuedAssessment");
    submit("Task_ConversionApplication", "conversionApplicationDate", "2027-03-20");
    assertThatRefused(() -> conversionMeeting("2027-04-19", "CONVERT", null), "预备期满（2027-04-20）前");
    assertThatRefused(() -> conversionMeeting("2027-04-20", "EXTEND", 6), "只能延长一次");
    conversionMeeting("2027-04-20", "CONVERT", null);
    approveConversion("2027-05-01");
    Assertions.assertThat(var("partyStandingFrom")).isEqualTo("2027-04-20");
    Assertions.assertThat(person().fullMemberDate()).isEqualTo(LocalDate.parse("2027-04-20"));
    assertThat(pi).isWaitingAt("Task_ArchiveMaterials");
  }

  @Test
  void cancelsProbationaryStatus() {
    toProbation();
    conversionMeeting("2026-10-20", "CANCEL", null);
    approveConversion("2026-11-01");
    assertThat(pi).isEnded().hasPassed("EndEvent_Cancelled");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.NON_MEMBER);
  }

  @Test
  void whereTheCountyRequiresItAYoungApplicantBecomesAnActivistOnlyOnTheLeaguesRecommendation() {
    settings.setLeagueRecommendationMaxAge(28);
    clock("2025-09-29T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "谈话");
    assertThatRefused(() -> submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "nominationSources", json("[\"党员推荐\"]")), "须经团组织推优");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.APPLICANT);
    submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "nominationSources", json("[\"党员推荐\",\"" + MemberDevelopmentRules.LEAGUE_RECOMMENDATION + "\"]"));
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void aReviewReturnsTheCaseToTheStepBeforeWithAnOpinion() {
    clock("2025-09-29T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "谈话");
    submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
    assertThatRefused(() -> submit("Task_FileActivist", "activistFilingDecision", "RETURN"), "请填写退回意见");
    submit("Task_FileActivist", "activistFilingDecision", "RETURN", "returnOpinion", "缺少团组织推优材料");
    assertThat(pi).isWaitingAt("Task_NominateActivist");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.APPLICANT);
    Assertions.assertThat(person().activistDate()).isNull();
    Assertions.assertThat(engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("returnOpinion").singleResult().getValue())
        .isEqualTo("缺少团组织推优材料");
  }

  @Test
  void notSelectedAsActivistIsNominatedAgainLater() {
    clock("2025-09-29T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "谈话");
    submit("Task_NominateActivist", "activistSelected", "false");
    assertThat(pi).isWaitingAt("Task_NominateActivist");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.APPLICANT);
  }

  @Test
  void aFoundedObjectionSendsTheCaseBackToCultivation() {
    walkToPublicity();
    clock("2025-10-09T10:00");
    submit("Task_WatchPublicity", "objectionReceived", true, "objectionDate", "2025-10-09", "objectionSummary", "反映作风问题");
    assertThat(pi).isWaitingAt("Task_InvestigateObjection");
    Assertions.assertThat(executableJobs()).isEmpty();
    clock("2025-10-15T10:00");
    submit("Task_InvestigateObjection", "investigationDate", "2025-10-15", "investigationConclusion", "属实",
        "objectionFounded", "true");
    assertThat(pi).isWaitingAt("Task_Cultivate");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void anUnfoundedObjectionResumesThePublicityForTheDaysItPaused() {
    walkToPublicity();
    clock("2025-10-09T10:00");
    assertThatRefused(() -> submit("Task_WatchPublicity", "objectionReceived", false), "公示期（至2025-10-13）未满");
    submit("Task_WatchPublicity", "objectionReceived", true, "objectionDate", "2025-10-09", "objectionSummary", "反映作风问题");
    clock("2025-10-14T10:00");
    submit("Task_InvestigateObjection", "investigationDate", "2025-10-14", "investigationConclusion", "不属实",
        "objectionFounded", "false");
    assertThat(pi).isWaitingAt("Task_WatchPublicity");
    Assertions.assertThat(var("publicityEnd")).isEqualTo("2025-10-17");   // paused 10-10, 10-11 (make-up day), 10-13, 10-14
  }

  @Test
  void aFailedPreReviewGoesBackToTheTargetStage() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "材料不实", "preReviewPassed", "false");
    assertThat(pi).isWaitingAt("Task_DecideTarget");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  // ------------------------------------------------------------------ rules refused, nothing changed

  @Test
  void refusesAnApplicantUnderEighteenAndChangesNothing() {
    clock("2025-09-29T09:00");
    start();
    assertThatRefused(() -> submit("Task_RecordApplication", "applicationDate", "2025-03-01", "birthDate", "2007-03-02",
        "gender", "女"), "入党申请人须年满十八周岁（《中国共产党发展党员工作细则》第五条）");
    assertThat(pi).isWaitingAt("Task_RecordApplication");
    Assertions.assertThat(var("applicationDate")).isNull();
    Assertions.assertThat(person().applicationDate()).isNull();
  }

  @Test
  void refusesASponsorUnderDisciplinaryProbation() {
    clock("2025-09-29T09:00");
    walkToSponsors();
    assertThatRefused(() -> submit("Task_FixSponsors", "sponsorIds", json("[\"M1\",\"W1\"]"), "sponsorsConsented", true),
        "受留党察看处分");
    assertThatRefused(() -> submit("Task_FixSponsors", "sponsorIds", json("[\"M1\"]"), "sponsorsConsented", true),
        "两名正式党员作入党介绍人");
    assertThat(pi).isWaitingAt("Task_FixSponsors");
    Assertions.assertThat(var("sponsorIds")).isNull();
  }

  @Test
  void refusesATargetBeforeOneYearOfCultivation() {
    clock("2025-09-29T09:00");
    walkToDecideTarget();
    assertThatRefused(() -> submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-07-14",
        "targetOpinions", "同意"), "一年以上培养教育和考察");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void refusesAMeetingWithoutQuorum() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意", "preReviewPassed", "true");
    submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    assertThatRefused(() -> submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-20", "votersEntitled", 20,
        "votersPresent", 10, "votesFor", 10, "admissionMeetingRecord", "表决"), "超过应到会人数的半数");
    assertThat(pi).isWaitingAt("Task_AdmissionMeeting");
  }

  @Test
  void refusesApprovalAfterThreeMonthsWithoutAReason() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    assertThatRefused(() -> approve("2026-01-21"), "支部大会后3个月内（2026-01-20前）审批");
    committeeDecides("Task_Approval", "2026-01-21", 3, "APPROVE", null, "党委换届");
    Assertions.assertThat(var("probationEndDate")).isEqualTo("2026-10-20");
  }

  @Test
  void theApprovalLimitEscalatesToTheCommitteeSecretary() {
    walkToPublicity();
    clock("2025-10-14T00:01");
    runDueJob();
    clock("2025-10-26T09:00");
    admitThroughVote(14);
    clock("2026-01-21T00:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_Approval");
    assertThat(task()).hasCandidateGroup("rmyy.secretary").hasCandidateGroup("rmyy.orgdept");
  }

  @Test
  void theConversionApprovalLimitEscalatesToTheCommitteeSecretary() {
    toProbation();
    conversionMeeting("2026-10-20", "CONVERT", null);
    assertThat(pi).isWaitingAt("Task_ConversionApproval");
    clock("2027-01-20T23:00");
    Assertions.assertThat(executableJobs()).isEmpty();
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
    clock("2027-01-21T00:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_ConversionApproval");
    assertThat(task()).hasCandidateGroup("rmyy.secretary").hasCandidateGroup("rmyy.orgdept");
    Assertions.assertThat(task().getPriority()).isEqualTo(MemberDevelopmentSteps.ESCALATED_PRIORITY);
  }

  // ------------------------------------------------------------------ cases under way on paper

  @Test
  void anActivistSince2024EntersAtTheActivistStageWithTheRegistrysBirthDate() {
    clock("2025-09-29T09:00");
    pi = runtimeService().startProcessInstanceByKey("memberDevelopment", Variables.createVariables()
        .putValue("applicantId", "A1").putValue("startStage", "ACTIVIST").putValue("applicationDate", "2023-09-01")
        .putValue("birthDate", "").putValue("activistDate", "2024-03-01"));
    assertThat(pi).isWaitingAt("Task_AppointContacts");
    Assertions.assertThat(var("birthDate")).isEqualTo("1980-01-01");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
    Assertions.assertThat(person().activistDate()).isEqualTo(LocalDate.parse("2024-03-01"));
  }

  @Test
  void aHistoricCaseIsCheckedByTheSameRules() {
    clock("2025-09-29T09:00");
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("memberDevelopment",
        Variables.createVariables().putValue("applicantId", "A1").putValue("startStage", "TARGET")
            .putValue("applicationDate", "2023-09-01").putValue("birthDate", "1999-05-20")
            .putValue("activistDate", "2024-03-01").putValue("developmentTargetDate", "2025-02-28")))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("一年以上培养教育和考察");
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.APPLICANT);
  }

  @Test
  void aProbationaryMemberOnPaperEntersAtContinuedAssessment() {
    clock("2026-03-01T09:00");
    pi = runtimeService().startProcessInstanceByKey("memberDevelopment", Variables.createVariables()
        .putValue("applicantId", "A1").putValue("startStage", "PROBATION").putValue("applicationDate", "2023-09-01")
        .putValue("birthDate", "1999-05-20").putValue("activistDate", "2024-03-01")
        .putValue("developmentTargetDate", "2025-03-15").putValue("sponsorIds", "M1, M2")
        .putValue("politicalReviewPassed", "true").putValue("trainingHours", 24)
        .putValue("admissionMeetingDate", "2025-09-10").putValue("approvalDate", "2025-10-20"));
    assertThat(pi).isWaitingAt("Task_ContinuedAssessment");
    Assertions.assertThat(var("probationEndDate")).isEqualTo("2026-09-10");
    Assertions.assertThat(var("politicalReviewPassed")).isEqualTo(true);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo("A1");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.PROBATIONARY);
    Assertions.assertThat(person().admissionDate()).isEqualTo(LocalDate.parse("2025-09-10"));
  }

  // ------------------------------------------------------------------ issue 15: collective decisions

  @Test
  void theApprovalCannotBeCompletedWithoutACommitteeMeeting() {
    walkToApproval();
    assertThatRefused(() -> submit("Task_Approval"), "须召开党委会集体讨论、对每名发展对象逐个表决");
    assertThatRefused(() -> submit("Task_Approval", "committeeMeetingId", 99L), "没有编号为99的党委会记录");
    assertThat(pi).isWaitingAt("Task_Approval");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.TARGET);
  }

  @Test
  void theVoteDecidesAndHalfOfTheEntitledMembersIsNotAMajority() {
    walkToApproval();
    // two of the four members entitled vote for: a record that says approved is refused
    assertThatRefused(() -> committeeDecides("Task_Approval", "2025-11-10", 2, "APPROVE", null, null),
        "赞成票须超过应到会委员（4人）的半数方为批准");
    assertThat(pi).isWaitingAt("Task_Approval");
    long id = committeeDecides("Task_Approval", "2025-11-10", 3, "APPROVE", null, null);
    Assertions.assertThat(var("committeeMeetingId")).isEqualTo(id);
    Assertions.assertThat(var("approvalDate")).isEqualTo("2025-11-10");
    Assertions.assertThat((String) var("committeeVoteRecord")).contains("应到委员4人，实到3人", "吴芳（书面意见：同意）",
        "赞成3票，反对0票，弃权0票", "批准");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.PROBATIONARY);
  }

  @Test
  void aCommitteeWithoutQuorumDecidesNothing() {
    walkToApproval();
    Task t = task("Task_Approval");
    long id = meetings.record(new CommitteeMeeting(0, "rmyy", "县人民医院", LocalDate.parse("2025-11-10"), List.of(
        new CommitteeMeeting.Member("P001", "王建国", CommitteeMeeting.Attendance.PRESENT, null),
        new CommitteeMeeting.Member("P002", "李红梅", CommitteeMeeting.Attendance.PRESENT, null),
        new CommitteeMeeting.Member("P005", "周明", CommitteeMeeting.Attendance.ABSENT, null),
        new CommitteeMeeting.Member("P006", "吴芳", CommitteeMeeting.Attendance.ABSENT, null)),
        List.of(new CommitteeMeeting.Decision(pi.getId(), "Task_Approval", "A1", "林小雨", 2, 0, 0, "REFUSE", "未过半",
            null)), "rmyy_zzb", null));
    assertThatRefused(() -> complete(t, Variables.createVariables().putValue("committeeMeetingId", id)),
        "到会党委委员须超过应到会委员的半数");
    assertThat(pi).isWaitingAt("Task_Approval");
  }

  @Test
  void aRefusalByVoteNeedsItsReasonAndEndsTheCase() {
    walkToApproval();
    assertThatRefused(() -> committeeDecides("Task_Approval", "2025-11-10", 1, "REFUSE", null, null),
        "不予批准或退回须写明理由");
    committeeDecides("Task_Approval", "2025-11-10", 1, "REFUSE", "群众反映问题", null);
    assertThat(pi).isWaitingAt("Task_NotifyRefusal");
    Assertions.assertThat(var("refusalReason")).isEqualTo("群众反映问题");
  }

  @Test
  void aCommitteeReturnGoesBackToTheBranchMeetingNotToTheTalk() {
    walkToApproval();
    committeeDecides("Task_Approval", "2025-11-10", 0, "RETURN", "支部大会记录不全，请重新讨论", null);
    assertThat(pi).isWaitingAt("Task_AdmissionMeeting");
    assertThatRefused(() -> submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-11-05", "votersEntitled", 20,
        "votersPresent", 15, "votesFor", 14, "admissionMeetingRecord", "重新表决"), "上级党委退回或超期的日期");
    submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-11-20", "votersEntitled", 20, "votersPresent", 15,
        "votesFor", 14, "admissionMeetingRecord", "重新表决");
    assertThat(pi).isWaitingAt("Task_PreApprovalTalk");
  }

  @Test
  void pastSixMonthsTheAdmissionIsRedoneFromTheBranchMeetingAndProbationCountsFromTheNewOne() {
    walkToPublicity();
    clock("2025-10-14T00:01");
    runDueJob();
    clock("2025-10-26T09:00");
    admitThroughVote(14);
    assertThat(pi).isWaitingAt("Task_Approval");
    clock("2026-04-20T23:00");
    Assertions.assertThat(executableJobs()).as("only the three-month escalation").hasSize(1);
    clock("2026-04-21T00:01");
    for (Job due = nextDueJob(); due != null; due = nextDueJob()) {
      managementService().executeJob(due.getId());
    }
    assertThat(pi).isWaitingAt("Task_AdmissionMeeting").hasPassed("Task_RedoAdmission");
    Assertions.assertThat((String) var("admissionRedoReason")).contains("6个月内未审批");
    submit("Task_AdmissionMeeting", "admissionMeetingDate", "2026-04-21", "votersEntitled", 20, "votersPresent", 15,
        "votesFor", 14, "admissionMeetingRecord", "重新讨论");
    submit("Task_PreApprovalTalk", "preApprovalTalkDate", "2026-04-21", "preApprovalTalkBy", "P002",
        "preApprovalTalkOpinion", "同意");
    approve("2026-04-21");
    Assertions.assertThat(var("probationEndDate")).isEqualTo("2027-04-21");
    Assertions.assertThat(person().admissionDate()).isEqualTo(LocalDate.parse("2026-04-21"));
  }

  @Test
  void aFailedConversionVoteOnTheCommitteeSendsItBackToTheBranch() {
    toProbation();
    conversionMeeting("2026-10-20", "CONVERT", null);
    committeeDecides("Task_ConversionApproval", "2026-11-01", 2, "RETURN", "转正材料不全", null);
    assertThat(pi).isWaitingAt("Task_ConversionMeeting");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.PROBATIONARY);
  }

  // ------------------------------------------------------------------ issue 15: votes as taken

  @Test
  void writtenOpinionsOfAbsentMembersAreCountedWithTheBallots() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意", "preReviewPassed", "true");
    submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    assertThatRefused(() -> submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-20", "votersEntitled", 9,
        "votersPresent", 5, "votesFor", 6, "admissionMeetingRecord", "表决"), "赞成票数（6）不能多于实到会人数（5）");
    submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-20", "votersEntitled", 9, "votersPresent", 5,
        "writtenOpinions", 2, "votesFor", 6, "votesAgainst", 1, "abstentions", 0, "admissionMeetingRecord", "表决");
    assertThat(pi).isWaitingAt("Task_PreApprovalTalk");
    Assertions.assertThat(var("admissionPassed")).isEqualTo(true);
  }

  @Test
  void aFailedConversionVoteIsRecordedWithItsOutcomeAndTheBranchMeetsAgain() {
    toProbation();
    VariableMap failed = Variables.createVariables().putValue("conversionMeetingDate", "2026-10-20")
        .putValue("conversionVotersEntitled", 20).putValue("conversionVotersPresent", 16)
        .putValue("conversionVotesFor", 10).putValue("conversionVotesAgainst", 6).putValue("conversionOutcome", "CONVERT");
    assertThatRefused(() -> complete(task("Task_ConversionMeeting"), failed), "请填写表决未通过后的处理意见");
    complete(task("Task_ConversionMeeting"), failed.putValue("conversionVoteFailedOpinion", "重新说明情况后下月再表决"));
    assertThat(pi).isWaitingAt("Task_ConversionMeeting").hasPassed("Event_ConversionVoteFailed");
    Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("conversionVotePassed").singleResult().getValue()).isEqualTo(false);
    conversionMeeting("2026-11-20", "CONVERT", null);
    assertThat(pi).isWaitingAt("Task_ConversionApproval");
  }

  // ------------------------------------------------------------------ issue 15: missing paths

  @Test
  void frontlineAdmissionIsASpecialPathOffByDefault() {
    clock("2025-03-01T09:00");
    walkToDecideTargetEarly();
    assertThatRefused(() -> submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-02-20",
        "targetOpinions", "同意", "frontlineAdmission", true, "frontlineDuty", "抗洪一线医疗队",
        "frontlinePerformance", "连续救治"), "本地未启用火线入党");
  }

  @Test
  void whereEnabledAnOutstandingActivistIsProposedEarlyOnTheCommitteesSeparateAuthorization() {
    settings.setFrontlineAdmissionEnabled(true);
    clock("2025-03-01T09:00");
    walkToDecideTargetEarly();
    assertThatRefused(() -> submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-02-20",
        "targetOpinions", "同意", "frontlineAdmission", true), "一线岗位");
    submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-02-20", "targetOpinions", "同意",
        "frontlineAdmission", true, "frontlineDuty", "抗洪一线医疗队", "frontlinePerformance", "连续救治");
    assertThat(pi).isWaitingAt("Task_AuthorizeFrontline");
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
    submit("Task_AuthorizeFrontline", "frontlineAuthorizationDecision", "PASS", "frontlineAuthorizationDate",
        "2025-02-25", "frontlineAuthorizationDocument", "党委会2025年第3次会议");
    assertThat(pi).isWaitingAt("Task_FixSponsors").hasPassed("Task_AuthorizeFrontline");
    Assertions.assertThat(var("frontlineAdmission")).isEqualTo(true);
  }

  @Test
  void aFrontlineProposalTheCommitteeDoesNotAuthorizeReturnsToCultivation() {
    settings.setFrontlineAdmissionEnabled(true);
    clock("2025-03-01T09:00");
    walkToDecideTargetEarly();
    submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-02-20", "targetOpinions", "同意",
        "frontlineAdmission", true, "frontlineDuty", "抗洪一线医疗队", "frontlinePerformance", "连续救治");
    submit("Task_AuthorizeFrontline", "frontlineAuthorizationDecision", "RETURN", "returnOpinion", "表现尚需考察");
    assertThat(pi).isWaitingAt("Task_Cultivate");
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.ACTIVIST);
  }

  @Test
  void theHalfYearlyAssessmentIsRemindedWhileTheActivistIsCultivated() {
    clock("2024-07-20T09:00");
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "谈话");
    submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15");
    submit("Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    submit("Task_AppointContacts", "contactIds", json("[\"M1\"]"));
    assertThat(pi).isWaitingAt("Task_Cultivate");
    clock("2025-01-19T09:00");
    Assertions.assertThat(executableJobs()).isEmpty();
    clock("2025-01-20T09:01");
    runDueJob();
    assertThat(pi).isWaitingAt("Task_Cultivate");
    Assertions.assertThat(var("assessmentReminders")).isEqualTo(1);
    Assertions.assertThat(task().getFollowUpDate()).isNotNull();
    Assertions.assertThat(task().getDescription()).contains("第1个半年考察期已满");
    clock("2025-07-20T09:02");
    runDueJob();
    Assertions.assertThat(var("assessmentReminders")).isEqualTo(2);
  }

  @Test
  void aTargetLeavingTheUnitWithinThreeMonthsIsNotSentOnToAdmission() {
    clock("2025-09-29T09:00");
    walkToPoliticalReview();
    submit("Task_PoliticalReview", "politicalReviewDate", "2025-08-10", "politicalReviewConclusion", "合格",
        "politicalReviewPassed", "true");
    submit("Task_Training", "trainingStart", "2025-08-20", "trainingEnd", "2025-08-22", "trainingDays", 3,
        "trainingHours", 24);
    assertThatRefused(() -> submit("Task_CommitteeScreening", "screeningDate", "2025-09-01", "screeningRecord", "同意",
        "screeningDecision", "PASS", "leavingUnitSoon", "true"), "第十九条");
    assertThat(pi).isWaitingAt("Task_CommitteeScreening");
  }

  @Test
  void theCommitteesOrganizationDepartmentArchivesTheFile() {
    toProbation();
    conversionMeeting("2026-10-20", "CONVERT", null);
    approveConversion("2026-11-01");
    assertThat(pi).isWaitingAt("Task_ArchiveMaterials");
    assertThat(task()).hasCandidateGroup("rmyy.orgdept");
  }

  @Test
  void whereTheCountyHoldsAConversionPublicityTheMeetingWaitsForItsEnd() {
    settings.setConversionPublicityWorkdays(5);
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    approve("2025-11-10");
    probationToConversionMeeting();
    assertThat(pi).isWaitingAt("Task_ConversionPublicity");
    clock("2026-09-25T09:00");
    assertThatRefused(() -> submit("Task_ConversionPublicity", "conversionPublicityStart", "2026-09-21",
        "conversionPublicityPlace", "内科公示栏", "conversionPublicityResult", "无异议"), "转正公示期（5个工作日");
    clock("2027-06-01T09:00");
    submit("Task_ConversionPublicity", "conversionPublicityStart", "2026-09-21", "conversionPublicityPlace", "内科公示栏",
        "conversionPublicityResult", "无异议");
    Assertions.assertThat(var("conversionPublicityEnd")).isEqualTo("2026-09-29");   // 中秋节 25-27 September
    conversionMeeting("2026-10-20", "CONVERT", null);
    assertThat(pi).isWaitingAt("Task_ConversionApproval");
  }

  // ------------------------------------------------------------------ issue 15: cases entered mid-pipeline

  @Test
  void aCaseEnteredAtEachOfTheFiveStagesRunsToItsEnd() {
    VariableMap entry = Variables.createVariables().putValue("applicantId", "A1");
    VariableMap activist = Variables.fromMap(entry).putValue("startStage", "ACTIVIST")
        .putValue("applicationDate", "2024-01-10").putValue("birthDate", "1999-05-20")
        .putValue("activistDate", "2024-07-15");
    VariableMap target = Variables.fromMap(activist).putValue("startStage", "TARGET")
        .putValue("developmentTargetDate", "2025-07-20");
    VariableMap admission = Variables.fromMap(target).putValue("startStage", "ADMISSION").putValue("sponsorIds", "M1, M2")
        .putValue("politicalReviewPassed", "true").putValue("politicalReviewDate", "2025-08-10")
        .putValue("trainingDays", 3).putValue("trainingHours", 24).putValue("trainingEnd", "2025-08-22");
    VariableMap probation = Variables.fromMap(admission).putValue("startStage", "PROBATION")
        .putValue("admissionMeetingDate", "2025-10-20").putValue("approvalDate", "2025-11-10");
    for (VariableMap start : List.of(entry, activist, target, admission, probation)) {
      clock("PROBATION".equals(start.get("startStage")) ? "2027-06-01T09:00" : "2025-09-29T09:00");
      pi = runtimeService().startProcessInstanceByKey("memberDevelopment", start);
      driveToEnd();
      assertThat(pi).as("entered at " + start.get("startStage")).isEnded().hasPassed("EndEvent_FullMember");
      Assertions.assertThat(person().status()).isEqualTo(MemberStatus.FULL_MEMBER);
    }
  }

  @Test
  void aCaseEnteredAtAdmissionMustBringTheTrainingEndItsBranchMeetingChecks() {
    clock("2025-09-29T09:00");
    Assertions.assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("memberDevelopment",
        Variables.createVariables().putValue("applicantId", "A1").putValue("startStage", "ADMISSION")
            .putValue("applicationDate", "2024-01-10").putValue("birthDate", "1999-05-20")
            .putValue("activistDate", "2024-07-15").putValue("developmentTargetDate", "2025-07-20")
            .putValue("sponsorIds", "M1, M2").putValue("politicalReviewPassed", "true")
            .putValue("politicalReviewDate", "2025-08-10").putValue("trainingHours", 24)))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("集中培训结束日期");
  }

  /** Works whatever task is open with the walk's dates until the case ends. */
  void driveToEnd() {
    for (int step = 0; step < 60 && processInstanceQuery().processInstanceId(pi.getId()).count() > 0; step++) {
      switch (task().getTaskDefinitionKey()) {
        case "Task_RecordApplication" -> submit("Task_RecordApplication", "applicationDate", "2024-01-10",
            "birthDate", "1999-05-20", "gender", "女");
        case "Task_TalkWithApplicant" -> submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011",
            "talkRecord", "谈话");
        case "Task_NominateActivist" -> submit("Task_NominateActivist", "activistSelected", "true",
            "activistDate", "2024-07-15");
        case "Task_FileActivist" -> submit("Task_FileActivist", "activistFilingDecision", "PASS",
            "activistFilingDate", "2024-07-20");
        case "Task_AppointContacts" -> submit("Task_AppointContacts", "contactIds", json("[\"M1\"]"));
        case "Task_Cultivate" -> submit("Task_Cultivate", "assessments",
            json("[{\"assessmentDate\":\"2025-01-10\"},{\"assessmentDate\":\"2025-07-10\"}]"));
        case "Task_DecideTarget" -> submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate",
            "2025-07-20", "targetOpinions", "同意");
        case "Task_FileTarget" -> submit("Task_FileTarget", "targetFilingDecision", "PASS", "targetFilingDate",
            "2025-07-25");
        case "Task_FixSponsors" -> submit("Task_FixSponsors", "sponsorIds", json("[\"M1\",\"M2\"]"),
            "sponsorsConsented", true);
        case "Task_PoliticalReview" -> submit("Task_PoliticalReview", "politicalReviewDate", "2025-08-10",
            "politicalReviewConclusion", "合格", "politicalReviewPassed", "true");
        case "Task_Training" -> submit("Task_Training", "trainingStart", "2025-08-20", "trainingEnd", "2025-08-22",
            "trainingDays", 3, "trainingHours", 24);
        case "Task_CommitteeScreening" -> submit("Task_CommitteeScreening", "screeningDate", "2025-09-01",
            "screeningRecord", "同意", "screeningDecision", "PASS", "leavingUnitSoon", "false");
        case "Task_StartPublicity" -> submit("Task_StartPublicity", "publicityStart", "2025-09-29",
            "publicityPlace", "内科公示栏");
        case "Task_WatchPublicity" -> {
          clock("2025-10-14T00:01");
          runDueJob();
          clock("2027-06-01T09:00");
        }
        case "Task_PreReview" -> submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意",
            "preReviewPassed", "true");
        case "Task_FillVolunteerForm" -> submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15",
            "sponsorOpinionsWritten", true);
        case "Task_AdmissionMeeting" -> admitThroughVote(14);
        case "Task_Approval" -> approve("2025-11-10");
        case "Task_FileUpward", "Task_Placement", "Task_Oath" -> probationToConversionMeeting();
        case "Task_ContinuedAssessment" -> {
          submit("Task_ContinuedAssessment");
          submit("Task_ConversionApplication", "conversionApplicationDate", "2026-09-20");
        }
        case "Task_ConversionMeeting" -> conversionMeeting("2026-10-20", "CONVERT", null);
        case "Task_ConversionApproval" -> approveConversion("2026-11-01");
        case "Task_ArchiveMaterials" -> submit("Task_ArchiveMaterials", "archiveChecklist",
            json("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\",\"培养教育考察材料\"]"),
            "archiveDate", "2026-11-05", "archiveLocation", "人事档案");
        default -> throw new AssertionError("no walk for " + task().getTaskDefinitionKey());
      }
    }
  }

  /** An activist since 2024-07-15 at the decision on 发展对象, before a year of cultivation is over. */
  void walkToDecideTargetEarly() {
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "谈话");
    submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15");
    submit("Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    submit("Task_AppointContacts", "contactIds", json("[\"M1\"]"));
    submit("Task_Cultivate", "assessments", json("[{\"assessmentDate\":\"2025-01-10\"}]"));
    assertThat(pi).isWaitingAt("Task_DecideTarget");
  }

  void walkToApproval() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    assertThat(pi).isWaitingAt("Task_Approval");
  }

  // ------------------------------------------------------------------ walking helpers

  void start() {
    pi = runtimeService().startProcessInstanceByKey("memberDevelopment", "A1", Map.of("applicantId", "A1"));
  }

  void walkToDecideTarget() {
    start();
    submit("Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    submit("Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "了解入党动机");
    submit("Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "committeeMeetingDate", "2024-07-15");
    submit("Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    submit("Task_AppointContacts", "contactIds", json("[\"M1\"]"), "contactsAppointedDate", "2024-07-20");
    submit("Task_Cultivate", "assessments",
        json("[{\"assessmentDate\":\"2025-01-10\",\"assessmentResult\":\"良好\"},"
            + "{\"assessmentDate\":\"2025-07-10\",\"assessmentResult\":\"良好\"}]"));
  }

  void walkToSponsors() {
    walkToDecideTarget();
    submit("Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-07-20", "targetOpinions", "同意");
    submit("Task_FileTarget", "targetFilingDecision", "PASS", "targetFilingDate", "2025-07-25");
  }

  void walkToPoliticalReview() {
    walkToSponsors();
    submit("Task_FixSponsors", "sponsorIds", json("[\"M1\",\"M2\"]"), "sponsorsConsented", true);
  }

  /** From application to the running publicity that starts on Monday 2025-09-29, just before National Day. */
  void walkToPublicity() {
    clock("2025-09-29T09:00");
    walkToPoliticalReview();
    Assertions.assertThat(person().status()).isEqualTo(MemberStatus.TARGET);
    submit("Task_PoliticalReview", "politicalReviewDate", "2025-08-10", "politicalReviewConclusion", "合格",
        "politicalReviewPassed", "true");
    submit("Task_Training", "trainingStart", "2025-08-20", "trainingEnd", "2025-08-22", "trainingDays", 3,
        "trainingHours", 24);
    submit("Task_CommitteeScreening", "screeningDate", "2025-09-01", "screeningRecord", "同意",
        "screeningDecision", "PASS", "leavingUnitSoon", "false");
    submit("Task_StartPublicity", "publicityStart", "2025-09-29", "publicityPlace", "内科公示栏");
    assertThat(pi).isWaitingAt("Task_WatchPublicity");
  }

  void admitThroughVote(int votesFor) {
    if (processInstanceQuery().processInstanceId(pi.getId()).singleResult() != null
        && taskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey().equals("Task_PreReview")) {
      submit("Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意", "preReviewPassed", "true");
      submit("Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    }
    submit("Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-20", "votersEntitled", 20, "votersPresent", 15,
        "votesFor", votesFor, "admissionMeetingRecord", "无记名投票");
    if (votesFor * 2 > 20) {
      submit("Task_PreApprovalTalk", "preApprovalTalkDate", "2025-10-25", "preApprovalTalkBy", "P002",
          "preApprovalTalkOpinion", "同意");
    }
  }

  void approve(String date) {
    committeeDecides("Task_Approval", date, 3, "APPROVE", null, null);
  }

  void approveConversion(String date) {
    committeeDecides("Task_ConversionApproval", date, 3, "APPROVE", null, null);
  }

  /**
   * What the 党委会研究 page does: a meeting of the four members of 县人民医院党委 (three present, one absent with a
   * written opinion) recorded with this case's vote, then the approval task completed with the meeting's id.
   */
  long committeeDecides(String taskKey, String date, int votesFor, String decision, String opinion,
      String extensionReason) {
    Task t = task(taskKey);
    long id = meetings.record(new CommitteeMeeting(0, "rmyy", "县人民医院", LocalDate.parse(date), List.of(
        new CommitteeMeeting.Member("P001", "王建国", CommitteeMeeting.Attendance.PRESENT, null),
        new CommitteeMeeting.Member("P002", "李红梅", CommitteeMeeting.Attendance.PRESENT, null),
        new CommitteeMeeting.Member("P005", "周明", CommitteeMeeting.Attendance.PRESENT, null),
        new CommitteeMeeting.Member("P006", "吴芳", CommitteeMeeting.Attendance.ABSENT_WRITTEN, "同意")),
        List.of(new CommitteeMeeting.Decision(pi.getId(), taskKey, "A1", "林小雨", votesFor, 3 - votesFor, 0, decision,
            opinion, extensionReason)), "rmyy_zzb", null));
    complete(t, Variables.createVariables().putValue("committeeMeetingId", id));
    return id;
  }

  void toProbation() {
    walkToPublicity();
    clock("2027-06-01T09:00");
    runDueJob();
    admitThroughVote(14);
    approve("2025-11-10");
    probationToConversionMeeting();
  }

  void probationToConversionMeeting() {
    submit("Task_FileUpward", "upwardFilingDate", "2025-11-15", "upwardFiledWith", "县委组织部");
    submit("Task_Placement", "placementDate", "2025-11-16", "partyGroup", "第一党小组");
    submit("Task_Oath", "oathDate", "2025-11-20", "oathPlace", "院党委会议室");
    submit("Task_ContinuedAssessment", "probationAssessments", json("[{\"assessmentDate\":\"2026-05-20\"}]"));
    submit("Task_ConversionApplication", "conversionApplicationDate", "2026-09-20");
  }

  void conversionMeeting(String date, String outcome, Integer months) {
    VariableMap v = Variables.createVariables().putValue("conversionMeetingDate", date)
        .putValue("conversionVotersEntitled", 20).putValue("conversionVotersPresent", 16)
        .putValue("conversionVotesFor", 15).putValue("conversionVotesAgainst", 1)
        .putValue("conversionOutcome", outcome)
        .putValue("extensionMonths", months).putValue("conversionReason", outcome.equals("CONVERT") ? null : "需进一步考察");
    complete(task("Task_ConversionMeeting"), v);
  }

  void submit(String taskKey, Object... keyValues) {
    VariableMap v = Variables.createVariables();
    for (int i = 0; i < keyValues.length; i += 2) {
      v.putValue((String) keyValues[i], keyValues[i + 1]);
    }
    complete(task(taskKey), v);
  }

  Task task(String key) {
    Task t = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    Assertions.assertThat(t).as("open task " + key).isNotNull();
    return t;
  }

  Task task() {
    return taskQuery().processInstanceId(pi.getId()).singleResult();
  }

  Person person() {
    return registry.person("A1").orElseThrow();
  }

  Object var(String name) {
    return runtimeService().getVariable(pi.getId(), name);
  }

  void runDueJob() {
    List<Job> due = executableJobs();
    Assertions.assertThat(due).as("due jobs").hasSize(1);
    managementService().executeJob(due.get(0).getId());
  }

  Job nextDueJob() {
    return managementService().createJobQuery().processInstanceId(pi.getId()).executable().orderByJobDuedate().asc()
        .listPage(0, 1).stream().findFirst().orElse(null);
  }

  List<Job> executableJobs() {
    return managementService().createJobQuery().processInstanceId(pi.getId()).executable().list();
  }

  static Object json(String text) {
    return SpinValues.jsonValue(text).create();
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.parse(localDateTime)));
  }

  static void assertThatRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    Assertions.assertThatThrownBy(call).isInstanceOf(RuleViolation.class).hasMessageContaining(message);
  }
}
