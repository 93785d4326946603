package cn.partyflow.memberdevelopment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.shared.ChinaClock;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * One applicant of 内科党支部 from application to archived 正式党员, every step submitted over /engine-rest as the
 * demo officer the task was routed to, as Tasklist does.
 */
@PostgresTest
class MemberDevelopmentScenarioTest {

  static final String ORGANIZER = "nk_zuzhi";
  static final String SECRETARY = "nk_shuji";
  static final String ORG_DEPT = "rmyy_zzb";
  static final String COMMITTEE = "rmyy_fushuji";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  final TestData made = new TestData();
  @Autowired ConfigurableApplicationContext context;
  final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  final ApplicationListener<PayloadApplicationEvent<?>> recorder = e -> {
    if (e.getPayload() instanceof ProbationaryMemberAdmitted admitted && admitted.personId().equals(this.applicant)) {
      events.add(admitted);
    }
  };

  final String applicant = "MD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  String pi;

  @org.junit.jupiter.api.BeforeEach
  void listenForTheDuesEvent() {
    context.addApplicationListener(recorder);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    context.removeApplicationListener(recorder);
    made.remove(context);
  }

  @Test
  void walksAnApplicantFromApplicationToArchivedFullMember() {
    made.person(applicant);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        applicant, "测试申请人", "女", Date.valueOf("1999-05-20"), "NON_MEMBER", "rmyy-nk");
    clock("2025-09-29T09:00");

    // The start form as Tasklist submits it: the applicant and the stage; branch, orgId and business key follow.
    ResponseEntity<Map> started = http.withBasicAuth(ORGANIZER, "demo").postForEntity(
        "/engine-rest/process-definition/key/memberDevelopment/submit-form",
        Map.of("variables", Map.of("applicantId", Map.of("value", applicant),
            "startStage", Map.of("value", "APPLICATION"))), Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    pi = (String) started.getBody().get("id");
    assertThat(started.getBody().get("businessKey")).isEqualTo(applicant);
    assertThat(runtime.getVariable(pi, "branchName")).as("forms show the branch by name").isEqualTo("县人民医院内科党支部");
    assertThat(http.withBasicAuth(ORGANIZER, "demo").getForEntity("/engine-rest/process-instance/" + pi, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("wk_zuzhi", "demo").getForEntity("/engine-rest/process-instance/" + pi,
        String.class).getStatusCode().value()).isIn(403, 404);

    // Stage 1: 申请入党
    submit(ORGANIZER, "Task_RecordApplication", "applicationDate", "2024-01-10", "birthDate", "1999-05-20",
        "gender", "女");
    assertRegistry("APPLICANT", "application_date", "2024-01-10");
    submit(ORGANIZER, "Task_TalkWithApplicant", "talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "了解入党动机");

    // Stage 2: 入党积极分子
    submit(ORGANIZER, "Task_NominateActivist", "activistSelected", "true", "activistDate", "2024-07-15",
        "committeeMeetingDate", "2024-07-15");
    assertRegistry("ACTIVIST", "activist_date", "2024-07-15");
    submit(ORG_DEPT, "Task_FileActivist", "activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    submit(ORGANIZER, "Task_AppointContacts", "contactIds", json("[\"P019\"]"), "contactsAppointedDate", "2024-07-20");
    submit(ORGANIZER, "Task_Cultivate", "assessments", json("[{\"assessmentDate\":\"2025-01-10\"},"
        + "{\"assessmentDate\":\"2025-07-10\"}]"), "thoughtReportsReceived", 4);

    // Stage 3: 发展对象; a rule broken answers 400 in Chinese and changes nothing
    ResponseEntity<Map> early = post(ORGANIZER, "Task_DecideTarget", "targetListed", "true",
        "developmentTargetDate", "2025-07-14", "targetOpinions", "同意");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) early.getBody().get("message")).contains("一年以上培养教育和考察").contains("第十三条");
    assertRegistry("ACTIVIST", "target_date", null);
    assertThat(runtime.getVariable(pi, "developmentTargetDate")).isNull();
    submit(ORGANIZER, "Task_DecideTarget", "targetListed", "true", "developmentTargetDate", "2025-07-20",
        "targetOpinions", "党小组、培养联系人同意");
    assertRegistry("TARGET", "target_date", "2025-07-20");
    submit(ORG_DEPT, "Task_FileTarget", "targetFilingDecision", "PASS", "targetFilingDate", "2025-07-25");
    ResponseEntity<Map> watched = post(ORGANIZER, "Task_FixSponsors", "sponsorIds", json("[\"P019\",\"P021\"]"),
        "sponsorsConsented", true);
    assertThat(watched.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // A member under 留党察看 is not among the sponsors the form offers, so the declared options refuse him first.
    assertThat((String) watched.getBody().get("message")).contains("入党介绍人只能是", "P021");
    submit(ORGANIZER, "Task_FixSponsors", "sponsorIds", json("[\"P019\",\"P022\"]"), "sponsorsConsented", true);
    submit(ORGANIZER, "Task_PoliticalReview", "politicalReviewDate", "2025-08-10",
        "politicalReviewConclusion", "政治历史清楚，合格", "politicalReviewPassed", "true");
    submit(ORG_DEPT, "Task_Training", "trainingStart", "2025-08-20", "trainingEnd", "2025-08-22",
        "trainingDays", 3, "trainingHours", 24);

    // Stage 4: 预备党员的接收, with the publicity running over National Day
    submit(SECRETARY, "Task_CommitteeScreening", "screeningDate", "2025-09-01", "screeningRecord", "同意",
        "screeningDecision", "PASS", "leavingUnitSoon", "false");
    submit(ORGANIZER, "Task_StartPublicity", "publicityStart", "2025-09-29", "publicityPlace", "内科公示栏");
    assertThat(runtime.getVariable(pi, "publicityEnd")).isEqualTo("2025-10-13");
    clock("2025-10-14T00:01");
    management.executeJob(management.createJobQuery().processInstanceId(pi)
        .activityId("BoundaryEvent_PublicityEnded").singleResult().getId());
    clock("2027-06-01T09:00");
    submit(ORG_DEPT, "Task_PreReview", "preReviewDate", "2025-10-14", "preReviewOpinion", "同意",
        "preReviewPassed", "true");
    submit(ORGANIZER, "Task_FillVolunteerForm", "volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    submit(SECRETARY, "Task_AdmissionMeeting", "admissionMeetingDate", "2025-10-20", "votersEntitled", 9,
        "votersPresent", 8, "votesFor", 7, "admissionMeetingRecord", "无记名投票，赞成7票");
    submit(COMMITTEE, "Task_PreApprovalTalk", "preApprovalTalkDate", "2025-10-25", "preApprovalTalkBy", "P002",
        "preApprovalTalkOpinion", "同意接收");
    ResponseEntity<Map> alone = post(ORG_DEPT, "Task_Approval");
    assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) alone.getBody().get("message")).contains("须召开党委会集体讨论");
    CommitteeApprovals.approve(context, ORG_DEPT, "rmyy", "2025-11-10", pi);
    assertRegistry("PROBATIONARY", "admission_date", "2025-10-20");
    assertThat(events)
        .containsExactly(new ProbationaryMemberAdmitted(applicant, "rmyy-nk", LocalDate.parse("2025-10-20")));
    submit(ORG_DEPT, "Task_FileUpward", "upwardFilingDate", "2025-11-15", "upwardFiledWith", "县委组织部");

    // Stage 5: 教育、考察和转正
    submit(ORGANIZER, "Task_Placement", "placementDate", "2025-11-16", "partyGroup", "第一党小组");
    submit(ORGANIZER, "Task_Oath", "oathDate", "2025-11-20", "oathPlace", "院党委会议室");
    submit(ORGANIZER, "Task_ContinuedAssessment", "probationAssessments", json("[{\"assessmentDate\":\"2026-05-20\"}]"));
    submit(ORGANIZER, "Task_ConversionApplication", "conversionApplicationDate", "2026-09-20",
        "conversionOpinions", "同意");
    submit(SECRETARY, "Task_ConversionMeeting", "conversionMeetingDate", "2026-10-20", "conversionVotersEntitled", 9,
        "conversionVotersPresent", 9, "conversionVotesFor", 9, "conversionOutcome", "CONVERT");
    CommitteeApprovals.approve(context, ORG_DEPT, "rmyy", "2026-11-01", pi);
    assertRegistry("FULL_MEMBER", "full_member_date", "2026-10-20");
    submit(ORG_DEPT, "Task_ArchiveMaterials", "archiveChecklist",
        json("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\",\"培养教育考察材料\"]"),
        "archiveDate", "2026-11-05", "archiveLocation", "人事档案");

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
        .isEqualTo("EndEvent_FullMember");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("partyStandingFrom")
        .singleResult().getValue()).isEqualTo("2026-10-20");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
        .isEqualTo(applicant);
  }

  private void submit(String user, String taskKey, Object... keyValues) {
    ResponseEntity<Map> answer = post(user, taskKey, keyValues);
    assertThat(answer.getStatusCode()).as(taskKey + " by " + user + ": " + answer.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<Map> post(String user, String taskKey, Object... keyValues) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    List<?> visible = http.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=" + taskKey, List.class);
    assertThat(visible).as(taskKey + " on the desk of " + user).hasSize(1);
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      variables.put((String) keyValues[i], v instanceof Json j ? Map.of("value", j.text(), "type", "Json")
          : Map.of("value", v));
    }
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", variables), Map.class);
  }

  private void assertRegistry(String status, String dateColumn, String date) {
    Map<String, Object> row = jdbc.queryForMap("select status, " + dateColumn + " as d from pf_person where id = ?",
        applicant);
    assertThat(row.get("status")).isEqualTo(status);
    assertThat(row.get("d") == null ? null : row.get("d").toString()).isEqualTo(date);
  }

  record Json(String text) {}

  static Json json(String text) {
    return new Json(text);
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.parse(localDateTime)));
  }
}
