package cn.partyflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.dues.DuesArrearsService;
import cn.partyflow.organization.IdentitySync;
import cn.partyflow.shared.ChinaClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import cn.partyflow.memberdevelopment.CommitteeApprovals;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bad form submissions to the user tasks of the three procedures, sent over /engine-rest as the officer who holds
 * the task, as Tasklist sends them: each is refused with a 4xx and a clear message, never a 5xx, and leaves the
 * task, the case's variables and our own tables exactly as they were. Each procedure walks one or more cases to
 * representative tasks with good submissions; at every such task all bad variants are tried first.
 */
@PostgresTest
class FormBadInputTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Longer than a free-text field may be, short enough for the engine to store. */
  static final String TOO_LONG = "长".repeat(3000);
  /** As long as a free-text field may be: accepted, and kept whole. */
  static final String LONGEST = "议".repeat(2000);
  /** Longer than the engine can store in a String variable at all. */
  static final String HUGE = "长".repeat(5000);

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentitySync identitySync;
  @Autowired DuesArrearsService arrears;
  @Autowired ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  /** What a procedure's walk put into the shared database, removed after it: later tests must not see it. */
  final TestData made = new TestData();

  /** Runs once after each procedure's dynamic tests (JUnit calls it per factory, not per dynamic test). */
  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    made.remove(context);
    assertThat(jdbc.queryForObject("select count(*) from pf_person where id like ? or id like ?", Integer.class,
        "FB" + tag + "%", "FD" + tag + "%")).as("people left behind").isZero();
    assertThat(jdbc.queryForObject("select count(*) from pf_organization where id = ?", Integer.class,
        "fb-dues-" + tag.toLowerCase())).as("branch left behind").isZero();
    assertThat(history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike("fb-dues-" + tag.toLowerCase() + ":%").count())
        .as("dues cases left behind").isZero();
  }

  // ---- 发展党员 ----------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicNode> memberDevelopment() {
    String applicant = "FB" + tag + "A";
    String target = "FB" + tag + "T";
    String admitted = "FB" + tag + "P";
    String[] pi = new String[3];
    Form application = form("applicationDate", "2024-01-10", "birthDate", "1999-05-20", "gender", "女");
    Form talk = form("talkDate", "2024-01-20", "talkBy", "P011", "talkRecord", "了解入党动机");
    Form nominate = form("activistSelected", "true", "activistDate", "2024-07-15",
        "committeeMeetingDate", "2024-07-15");
    Form meeting = form("admissionMeetingDate", "2025-10-20", "votersEntitled", 9, "votersPresent", 8,
        "votesFor", 7, "admissionMeetingRecord", "无记名投票，赞成7票");
    Form conversionApplication = form("conversionApplicationDate", "2025-09-20", "conversionOpinions", "同意");
    Form conversionMeeting = form("conversionMeetingDate", "2025-10-25", "conversionVotersEntitled", 9,
        "conversionVotersPresent", 9, "conversionVotesFor", 9, "conversionOutcome", "CONVERT");
    Form fileActivist = form("activistFilingDecision", "PASS", "activistFilingDate", "2024-07-20");
    Form cultivate = form("assessments", json("[{\"assessmentDate\":\"2025-01-10\",\"assessmentResult\":\"良好\"},"
        + "{\"assessmentDate\":\"2025-07-10\"}]"), "thoughtReportsReceived", 4);
    Form decideTarget = form("targetListed", "true", "developmentTargetDate", "2025-07-20",
        "targetOpinions", "党小组、培养联系人同意");
    Form fileTarget = form("targetFilingDecision", "PASS", "targetFilingDate", "2025-07-25");
    Form politicalReview = form("politicalReviewDate", "2025-08-10", "politicalReviewConclusion", "政治历史清楚，合格",
        "politicalReviewPassed", "true");
    Form training = form("trainingStart", "2025-08-20", "trainingEnd", "2025-08-22", "trainingDays", 3,
        "trainingHours", 24);
    Form screening = form("screeningDate", "2025-09-01", "screeningRecord", "同意", "screeningDecision", "PASS",
        "leavingUnitSoon", "false");
    Form publicity = form("publicityStart", "2025-09-29", "publicityPlace", "内科公示栏");
    Form preReview = form("preReviewDate", "2025-10-14", "preReviewOpinion", "同意", "preReviewPassed", "true");
    Form volunteer = form("volunteerFormDate", "2025-10-15", "sponsorOpinionsWritten", true);
    Form preApprovalTalk = form("preApprovalTalkDate", "2025-10-25", "preApprovalTalkBy", "P002",
        "preApprovalTalkOpinion", "同意接收");
    Form fileUpward = form("upwardFilingDate", "2025-11-15", "upwardFiledWith", "县委组织部");
    Form placement = form("placementDate", "2025-11-16", "partyGroup", "第一党小组");
    Form oath = form("oathDate", "2025-11-20", "oathPlace", "院党委会议室");
    Form archive = form("archiveChecklist", json("[\"入党志愿书\",\"入党申请书\",\"政审材料\",\"转正申请书\","
        + "\"培养教育考察材料\"]"), "archiveDate", "2025-11-05", "archiveLocation", "人事档案");
    Supplier<String> registry = () -> rows("select * from pf_person where id in (?, ?, ?) order by id", applicant,
        target, admitted);

    return Stream.of(
        dynamicTest("start form: unknown applicant", () -> {
          clock("2025-11-20T09:00");
          String nobody = "NOBODY" + tag;
          long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("memberDevelopment").count();
          ResponseEntity<String> r = http.withBasicAuth("nk_zuzhi", "demo").postForEntity(
              "/engine-rest/process-definition/key/memberDevelopment/submit-form",
              body(form("applicantId", nobody, "startStage", "APPLICATION")), String.class);
          assertRefusal(r, "人员名册中没有编号为" + nobody);
          assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("memberDevelopment").count())
              .isEqualTo(before);
        }),
        atTask("Task_RecordApplication 登记入党申请书", () -> {
          clock("2025-11-20T09:00");
          person(applicant, "NON_MEMBER");
          pi[0] = startMemberDevelopment(form("applicantId", applicant, "startStage", "APPLICATION"));
          return desk("nk_zuzhi", pi[0], "Task_RecordApplication", registry);
        },
            bad("required application date missing", application.without("applicationDate"), "请填写收到入党申请书日期"),
            bad("date as text", application.with("applicationDate", "去年春天"), "不是有效日期"),
            bad("date as a number", application.with("applicationDate", 20240110), "不是有效日期"),
            bad("impossible date", application.with("applicationDate", "2024-02-30"), "不是有效日期"),
            bad("Camunda Date type with garbage", application.with("applicationDate", typed("abc", "Date")), null),
            bad("application in the future", application.with("applicationDate", "2026-01-10"), "不能晚于今天"),
            bad("born after applying (under 18)", application.with("birthDate", "2010-05-20"), "年满十八周岁"),
            bad("overlong note", application.with("applicationNote", TOO_LONG), "最多")),
        atTask("Task_TalkWithApplicant 与申请人谈话", () -> {
          submit("nk_zuzhi", pi[0], "Task_RecordApplication", application);
          return desk("nk_zuzhi", pi[0], "Task_TalkWithApplicant", registry);
        },
            bad("talk record missing", talk.without("talkRecord"), "请填写谈话记录"),
            bad("talker missing", talk.without("talkBy"), "请选择谈话人"),
            bad("talk before the application", talk.with("talkDate", "2024-01-05"), "不能早于入党申请日期"),
            bad("talk in the future", talk.with("talkDate", "2025-12-01").with("talkDelayReason", "出差"),
                "不能晚于今天"),
            bad("talk late without a reason", talk.with("talkDate", "2024-03-20"), "须填写超期原因"),
            bad("talk date as a boolean", talk.with("talkDate", true), "不是有效日期"),
            bad("overlong talk record", talk.with("talkRecord", TOO_LONG), "谈话记录最多2000字"),
            bad("talker not an officer of the branch", talk.with("talkBy", "P001"),
                "谈话人只能是"),
            bad("talker typed as a name", talk.with("talkBy", "刘洋"), "谈话人只能是"),
            bad("text beyond what the engine stores", talk.with("talkRecord", HUGE), "最多4000字")),
        atTask("Task_NominateActivist 确定入党积极分子", () -> {
          submit("nk_zuzhi", pi[0], "Task_TalkWithApplicant", talk);
          return desk("nk_zuzhi", pi[0], "Task_NominateActivist", registry);
        },
            bad("decision missing", nominate.without("activistSelected"), "请选择是否确定为入党积极分子"),
            bad("activist date missing", nominate.without("activistDate"), "请填写确定为入党积极分子的日期"),
            bad("committee meeting date missing", nominate.without("committeeMeetingDate"), "请填写支委会（支部党员大会）研究日期"),
            bad("activist before six months", nominate.with("activistDate", "2024-05-15")
                .with("committeeMeetingDate", "2024-05-15"), "6个月后"),
            bad("activist before the talk", nominate.with("activistDate", "2024-01-15"), "不能早于谈话日期"),
            bad("activist before the committee meeting", nominate.with("committeeMeetingDate", "2024-07-20"),
                "不能早于支委会（支部党员大会）研究日期"),
            bad("activist in the future", nominate.with("activistDate", "2026-07-15")
                .with("committeeMeetingDate", "2026-07-15"), "不能晚于今天"),
            bad("decision as Camunda Integer 'abc'", nominate.with("activistSelected", typed("abc", "Integer")),
                null),
            bad("overlong nomination record", nominate.with("nominationRecord", TOO_LONG), "最多2000字")),
        atTask("Task_FileActivist 入党积极分子备案", () -> {
          submit("nk_zuzhi", pi[0], "Task_NominateActivist", nominate);
          return desk("rmyy_zzb", pi[0], "Task_FileActivist", registry);
        },
            bad("decision missing", fileActivist.without("activistFilingDecision"), "请选择审核结论"),
            bad("unknown decision", fileActivist.with("activistFilingDecision", "MAYBE"), "审核结论只能是通过、退回上一步"),
            bad("return without an opinion", form("activistFilingDecision", "RETURN"), "请填写退回意见"),
            bad("overlong return opinion", form("activistFilingDecision", "RETURN", "returnOpinion", TOO_LONG),
                "退回意见最多2000字"),
            bad("filing date missing", fileActivist.without("activistFilingDate"), "请填写备案日期"),
            bad("filed before the nomination", fileActivist.with("activistFilingDate", "2024-07-10"),
                "不能早于确定为入党积极分子的日期"),
            bad("filed in the future", fileActivist.with("activistFilingDate", "2025-12-20"), "不能晚于今天"),
            bad("filing date as text", fileActivist.with("activistFilingDate", "七月"), "不是有效日期")),
        atTask("Task_Cultivate 培养教育考察", () -> {
          submit("rmyy_zzb", pi[0], "Task_FileActivist", fileActivist);
          submit("nk_zuzhi", pi[0], "Task_AppointContacts", form("contactIds", json("[\"P019\"]"),
              "contactsAppointedDate", "2024-07-20"));
          return desk("nk_zuzhi", pi[0], "Task_Cultivate", registry);
        },
            bad("assessments not a list", cultivate.with("assessments", json("{\"assessmentDate\":\"2025-01-10\"}")),
                "考察记录的内容无法读取"),
            bad("assessments malformed JSON", cultivate.with("assessments", json("[{\"assessmentDate\":")),
                "无法读取"),
            bad("assessment date missing", cultivate.with("assessments", json("[{\"assessmentResult\":\"良好\"}]")),
                "请填写考察日期"),
            bad("assessment date as text", cultivate.with("assessments", json("[{\"assessmentDate\":\"年初\"}]")),
                "考察日期不是有效日期"),
            bad("assessment before the nomination", cultivate.with("assessments",
                json("[{\"assessmentDate\":\"2024-07-01\"}]")), "不能早于确定为入党积极分子的日期"),
            bad("assessment in the future", cultivate.with("assessments",
                json("[{\"assessmentDate\":\"2026-01-10\"}]")), "不能晚于今天"),
            bad("overlong assessment", cultivate.with("assessments", json("[{\"assessmentDate\":\"2025-01-10\","
                + "\"assessmentResult\":\"" + TOO_LONG + "\"}]")), "第1次考察意见最多2000字"),
            bad("negative thought reports", cultivate.with("thoughtReportsReceived", -1), "不能为负数"),
            bad("thought reports as text", cultivate.with("thoughtReportsReceived", "四份"), "须为整数"),
            bad("thought reports as a fraction", cultivate.with("thoughtReportsReceived", 2.5), "须为整数"),
            bad("overlong cultivation note", cultivate.with("cultivationNote", TOO_LONG), "培养教育情况最多2000字")),
        atTask("Task_DecideTarget 确定发展对象", () -> {
          submit("nk_zuzhi", pi[0], "Task_Cultivate", cultivate);
          return desk("nk_zuzhi", pi[0], "Task_DecideTarget", registry);
        },
            bad("decision missing", decideTarget.without("targetListed"), "请选择是否列为发展对象"),
            bad("target date missing", decideTarget.without("developmentTargetDate"), "请填写确定为发展对象的日期"),
            bad("target within a year of the nomination", decideTarget.with("developmentTargetDate", "2025-07-14"),
                "一年以上培养教育和考察"),
            bad("target in the future", decideTarget.with("developmentTargetDate", "2025-12-01"), "不能晚于今天"),
            bad("target date as text", decideTarget.with("developmentTargetDate", "明年"), "不是有效日期"),
            bad("opinions missing", decideTarget.without("targetOpinions"), "请填写"),
            bad("overlong opinions", decideTarget.with("targetOpinions", TOO_LONG), "最多2000字")),
        atTask("Task_FileTarget 发展对象备案", () -> {
          submit("nk_zuzhi", pi[0], "Task_DecideTarget", decideTarget);
          return desk("rmyy_zzb", pi[0], "Task_FileTarget", registry);
        },
            bad("decision missing", fileTarget.without("targetFilingDecision"), "请选择审核结论"),
            bad("unknown decision", fileTarget.with("targetFilingDecision", "OK"), "审核结论只能是通过、退回上一步"),
            bad("return without an opinion", form("targetFilingDecision", "RETURN", "returnOpinion", " "),
                "请填写退回意见"),
            bad("filing date missing", fileTarget.without("targetFilingDate"), "请填写备案日期"),
            bad("filed before the decision", fileTarget.with("targetFilingDate", "2025-07-19"),
                "不能早于确定为发展对象的日期"),
            bad("filed in the future", fileTarget.with("targetFilingDate", "2026-07-25"), "不能晚于今天")),
        atTask("Task_FixSponsors 确定入党介绍人", () -> {
          person(target, "NON_MEMBER");
          pi[1] = startMemberDevelopment(form("applicantId", target, "startStage", "TARGET",
              "applicationDate", "2023-01-10", "birthDate", "1998-03-01", "activistDate", "2023-07-15",
              "developmentTargetDate", "2024-07-20"));
          return desk("nk_zuzhi", pi[1], "Task_FixSponsors", registry);
        },
            bad("unknown sponsor", form("sponsorIds", json("[\"P019\",\"NOSUCH" + tag + "\"]"),
                "sponsorsConsented", true), "入党介绍人只能是"),
            bad("one sponsor only", form("sponsorIds", json("[\"P019\"]"), "sponsorsConsented", true), "两名"),
            bad("applicant as own sponsor", form("sponsorIds", json("[\"P019\",\"" + target + "\"]"),
                "sponsorsConsented", true), "入党介绍人只能是"),
            bad("sponsors not a list", form("sponsorIds", json("{\"a\":1}"), "sponsorsConsented", true), "列表"),
            bad("sponsors malformed JSON", form("sponsorIds", json("[\"P019\","), "sponsorsConsented", true),
                "无法读取"),
            bad("consent missing", form("sponsorIds", json("[\"P019\",\"P022\"]")), "本人同意")),
        atTask("Task_PoliticalReview 政治审查", () -> {
          submit("nk_zuzhi", pi[1], "Task_FixSponsors", form("sponsorIds", json("[\"P019\",\"P022\"]"),
              "sponsorsConsented", true));
          return desk("nk_zuzhi", pi[1], "Task_PoliticalReview", registry);
        },
            bad("review date missing", politicalReview.without("politicalReviewDate"), "请填写政审结论日期"),
            bad("conclusion missing", politicalReview.without("politicalReviewConclusion"), "请填写政审综合性结论"),
            bad("result missing", politicalReview.without("politicalReviewPassed"), "请选择政审结论"),
            bad("review before the target decision", politicalReview.with("politicalReviewDate", "2024-07-01"),
                "不能早于确定为发展对象的日期"),
            bad("review in the future", politicalReview.with("politicalReviewDate", "2026-08-10"), "不能晚于今天"),
            bad("review date as a number", politicalReview.with("politicalReviewDate", 20250810), "不是有效日期"),
            bad("overlong conclusion", politicalReview.with("politicalReviewConclusion", TOO_LONG), "最多2000字")),
        atTask("Task_Training 集中培训", () -> {
          submit("nk_zuzhi", pi[1], "Task_PoliticalReview", politicalReview);
          return desk("rmyy_zzb", pi[1], "Task_Training", registry);
        },
            bad("end before start", training.with("trainingEnd", "2025-08-19"), "培训结束日期（2025-08-19）不能早于培训开始日期"),
            bad("start before the target decision", training.with("trainingStart", "2024-07-01"),
                "不能早于确定为发展对象的日期"),
            bad("end in the future", training.with("trainingEnd", "2025-12-22"), "不能晚于今天"),
            bad("start missing", training.without("trainingStart"), "请填写培训开始日期"),
            bad("negative days", training.with("trainingDays", -3), "不能为负数"),
            bad("negative hours", training.with("trainingHours", -24), "不能为负数"),
            bad("days as text", training.with("trainingDays", "三天"), "培训天数须为整数"),
            bad("too little training", training.with("trainingDays", 1).with("trainingHours", 8), "不少于"),
            bad("overlong certificate", training.with("trainingCertificate", TOO_LONG), "最多2000字")),
        atTask("Task_CommitteeScreening 支委会审查", () -> {
          person(admitted, "NON_MEMBER");
          pi[2] = startMemberDevelopment(form("applicantId", admitted, "startStage", "ADMISSION",
              "applicationDate", "2023-01-10", "birthDate", "1998-03-01", "activistDate", "2023-07-15",
              "developmentTargetDate", "2024-07-20", "sponsorIds", "P019, P022", "politicalReviewPassed", "true",
              "politicalReviewDate", "2025-08-10", "trainingDays", 3, "trainingHours", 24,
              "trainingEnd", "2025-08-22"));
          return desk("nk_shuji", pi[2], "Task_CommitteeScreening", registry);
        },
            bad("screening before the training ended", screening.with("screeningDate", "2025-08-21"),
                "不能早于培训结束日期"),
            bad("screening in the future", screening.with("screeningDate", "2025-12-01"), "不能晚于今天"),
            bad("screening date missing", screening.without("screeningDate"), "请填写支委会审查日期"),
            bad("record missing", screening.without("screeningRecord"), "请填写审查意见"),
            bad("unknown decision", screening.with("screeningDecision", "MAYBE"), "审核结论只能是通过、退回上一步"),
            bad("return without an opinion", screening.with("screeningDecision", "RETURN"), "请填写退回意见"),
            bad("overlong return opinion", screening.with("screeningDecision", "RETURN")
                .with("returnOpinion", TOO_LONG), "退回意见最多2000字"),
            bad("overlong record", screening.with("screeningRecord", TOO_LONG), "审查意见最多2000字")),
        atTask("Task_StartPublicity 发展对象公示", () -> {
          submit("nk_shuji", pi[2], "Task_CommitteeScreening", screening);
          return desk("nk_zuzhi", pi[2], "Task_StartPublicity", registry);
        },
            bad("publicity before the screening", publicity.with("publicityStart", "2025-08-30"),
                "不能早于支委会审查日期"),
            bad("publicity in the future", publicity.with("publicityStart", "2025-11-21"), "不能晚于今天"),
            bad("start missing", publicity.without("publicityStart"), "请填写"),
            bad("start as text", publicity.with("publicityStart", "国庆前"), "不是有效日期"),
            bad("place missing", publicity.without("publicityPlace"), "请填写"),
            bad("overlong place", publicity.with("publicityPlace", TOO_LONG), "最多2000字")),
        atTask("Task_PreReview 上级党委预审", () -> {
          submit("nk_zuzhi", pi[2], "Task_StartPublicity", publicity);
          management.executeJob(management.createJobQuery().processInstanceId(pi[2])
              .activityId("BoundaryEvent_PublicityEnded").singleResult().getId());
          return desk("rmyy_zzb", pi[2], "Task_PreReview", registry);
        },
            bad("pre-review during the publicity", preReview.with("preReviewDate", "2025-10-10"), "公示"),
            bad("pre-review before the publicity", preReview.with("preReviewDate", "2025-09-20"),
                "不能早于公示开始日期"),
            bad("pre-review in the future", preReview.with("preReviewDate", "2025-11-30"), "不能晚于今天"),
            bad("opinion missing", preReview.without("preReviewOpinion"), "请填写书面预审意见"),
            bad("result missing", preReview.without("preReviewPassed"), "请选择预审结论"),
            bad("overlong opinion", preReview.with("preReviewOpinion", TOO_LONG), "最多2000字")),
        atTask("Task_FillVolunteerForm 填写入党志愿书", () -> {
          submit("rmyy_zzb", pi[2], "Task_PreReview", preReview);
          return desk("nk_zuzhi", pi[2], "Task_FillVolunteerForm", registry);
        },
            bad("form before the pre-review", volunteer.with("volunteerFormDate", "2025-10-13"), "不能早于预审日期"),
            bad("form in the future", volunteer.with("volunteerFormDate", "2025-11-21"), "不能晚于今天"),
            bad("date missing", volunteer.without("volunteerFormDate"), "请填写"),
            bad("date as text", volunteer.with("volunteerFormDate", "2025/10/15"), "不是有效日期"),
            bad("sponsors' opinions not written", volunteer.with("sponsorOpinionsWritten", false), "入党介绍人须在入党志愿书上填写")),
        atTask("Task_AdmissionMeeting 支部大会表决", () -> {
          submit("nk_zuzhi", pi[2], "Task_FillVolunteerForm", volunteer);
          return desk("nk_shuji", pi[2], "Task_AdmissionMeeting", registry);
        },
            bad("votes for missing", meeting.without("votesFor"), "请填写赞成票"),
            bad("votes above voters present", meeting.with("votesFor", 9), "赞成票数（9）不能多于实到会人数（8）"),
            bad("present above entitled", meeting.with("votersPresent", 10), "实到会人数（10）不能多于应到会人数（9）"),
            bad("negative votes", meeting.with("votesFor", -1), "不能为负数"),
            bad("votes as 'abc'", meeting.with("votesFor", "abc"), "赞成票数须为整数"),
            bad("votes as a fraction", meeting.with("votesFor", 6.5), "赞成票数须为整数"),
            bad("Camunda Integer 'abc'", meeting.with("votersEntitled", typed("abc", "Integer")), null),
            bad("no quorum", meeting.with("votersPresent", 4).with("votesFor", 4), "超过应到会人数的半数"),
            bad("meeting before the volunteer form", meeting.with("admissionMeetingDate", "2025-10-10"),
                "不能早于填写入党志愿书日期"),
            bad("meeting in the future", meeting.with("admissionMeetingDate", "2025-12-20"), "不能晚于今天"),
            bad("record missing", meeting.without("admissionMeetingRecord"), "请填写会议记录"),
            bad("overlong record", meeting.with("admissionMeetingRecord", TOO_LONG), "最多2000字")),
        atTask("Task_PreApprovalTalk 审批前谈话", () -> {
          submit("nk_shuji", pi[2], "Task_AdmissionMeeting", meeting);
          return desk("rmyy_fushuji", pi[2], "Task_PreApprovalTalk", registry);
        },
            bad("talk before the meeting", preApprovalTalk.with("preApprovalTalkDate", "2025-10-19"),
                "不能早于支部大会日期"),
            bad("talk in the future", preApprovalTalk.with("preApprovalTalkDate", "2025-11-25"), "不能晚于今天"),
            bad("talker missing", preApprovalTalk.without("preApprovalTalkBy"), "请选择谈话人"),
            bad("opinion missing", preApprovalTalk.without("preApprovalTalkOpinion"), "请填写"),
            bad("talker not of the approving committee", preApprovalTalk.with("preApprovalTalkBy", "P011"),
                "谈话人（党委委员或组织员）只能是"),
            bad("overlong opinion", preApprovalTalk.with("preApprovalTalkOpinion", TOO_LONG), "最多2000字")),
        atTask("Task_Approval 上级党委审批", () -> {
          submit("rmyy_fushuji", pi[2], "Task_PreApprovalTalk", preApprovalTalk);
          return desk("rmyy_zzb", pi[2], "Task_Approval", registry);
        },
            bad("approved by one clerk without a 党委会", form(), "须召开党委会集体讨论"),
            bad("a decision typed into the form", form("approvalDecision", "APPROVE", "approvalDate", "2025-11-10"),
                "表单未声明的字段")),
        atTask("Task_FileUpward 报上级组织部门备案", () -> {
          CommitteeApprovals.approve(context, "rmyy_zzb", "rmyy", "2025-11-10", pi[2]);
          return desk("rmyy_zzb", pi[2], "Task_FileUpward", registry);
        },
            bad("filed before the approval", fileUpward.with("upwardFilingDate", "2025-11-09"), "不能早于审批日期"),
            bad("filed in the future", fileUpward.with("upwardFilingDate", "2025-11-21"), "不能晚于今天"),
            bad("recipient missing", fileUpward.without("upwardFiledWith"), "请填写"),
            bad("overlong recipient", fileUpward.with("upwardFiledWith", TOO_LONG), "最多2000字")),
        atTask("Task_Placement 编入党支部和党小组", () -> {
          submit("rmyy_zzb", pi[2], "Task_FileUpward", fileUpward);
          return desk("nk_zuzhi", pi[2], "Task_Placement", registry);
        },
            bad("placed before the approval", placement.with("placementDate", "2025-11-01"), "不能早于审批日期"),
            bad("placed in the future", placement.with("placementDate", "2025-11-21"), "不能晚于今天"),
            bad("group missing", placement.without("partyGroup"), "请填写"),
            bad("overlong group", placement.with("partyGroup", TOO_LONG), "最多2000字")),
        atTask("Task_Oath 入党宣誓", () -> {
          submit("nk_zuzhi", pi[2], "Task_Placement", placement);
          return desk("nk_zuzhi", pi[2], "Task_Oath", registry);
        },
            bad("oath before the approval", oath.with("oathDate", "2025-11-09"), "不能早于审批日期"),
            bad("oath in the future", oath.with("oathDate", "2025-11-21"), "不能晚于今天"),
            bad("oath date as text", oath.with("oathDate", "七一"), "不是有效日期"),
            bad("place missing", oath.without("oathPlace"), "请填写"),
            bad("overlong place", oath.with("oathPlace", TOO_LONG), "最多2000字")),
        atTask("Task_ConversionApplication 接收转正申请", () -> {
          String p = startMemberDevelopment(form("applicantId", "FB" + tag + "C", "startStage", "PROBATION",
              "applicationDate", "2022-01-10", "birthDate", "1997-03-01", "activistDate", "2022-07-15",
              "developmentTargetDate", "2023-07-20", "sponsorIds", "P019, P022", "politicalReviewPassed", "true",
              "trainingHours", 24, "admissionMeetingDate", "2024-10-20", "approvalDate", "2024-11-10"), () ->
              person("FB" + tag + "C", "NON_MEMBER"));
          pi[0] = p;
          submit("nk_zuzhi", p, "Task_ContinuedAssessment", form("probationAssessments",
              json("[{\"assessmentDate\":\"2025-05-20\",\"assessmentResult\":\"表现良好\"}]")));
          return desk("nk_zuzhi", p, "Task_ConversionApplication",
              () -> rows("select * from pf_person where id = ?", "FB" + tag + "C"));
        },
            bad("opinions missing", conversionApplication.without("conversionOpinions"), "请填写"),
            bad("application before approval", conversionApplication.with("conversionApplicationDate", "2024-11-01"),
                "不能早于审批日期"),
            bad("application in the future", conversionApplication.with("conversionApplicationDate", "2026-01-01"),
                "不能晚于今天"),
            bad("overlong opinions", conversionApplication.with("conversionOpinions", TOO_LONG), "最多2000字")),
        atTask("Task_ConversionMeeting 支部大会讨论转正", () -> {
          submit("nk_zuzhi", pi[0], "Task_ConversionApplication", conversionApplication);
          return desk("nk_shuji", pi[0], "Task_ConversionMeeting",
              () -> rows("select * from pf_person where id = ?", "FB" + tag + "C"));
        },
            bad("votes above voters present", conversionMeeting.with("conversionVotersPresent", 8),
                "赞成票数（9）不能多于实到会人数（8）"),
            bad("present above entitled", conversionMeeting.with("conversionVotersEntitled", 7), "不能多于应到会人数"),
            bad("entitled as text", conversionMeeting.with("conversionVotersEntitled", "九"), "应到会人数须为整数"),
            bad("meeting before probation ends", conversionMeeting.with("conversionMeetingDate", "2025-10-19"),
                "预备期满"),
            bad("meeting before the application", conversionMeeting.with("conversionMeetingDate", "2025-09-10"),
                "不能早于转正申请日期"),
            bad("outcome missing", conversionMeeting.without("conversionOutcome"), "请选择决议"),
            bad("unknown outcome", conversionMeeting.with("conversionOutcome", "PROMOTE"), "决议只能是按期转正"),
            bad("extension too short", conversionMeeting.with("conversionOutcome", "EXTEND")
                .with("extensionMonths", 3).with("conversionReason", "考察不够"), "不能少于6个月"),
            bad("overlong reason", conversionMeeting.with("conversionOutcome", "EXTEND").with("extensionMonths", 6)
                .with("conversionReason", TOO_LONG), "最多2000字")),
        atTask("Task_ConversionApproval 上级党委审批转正", () -> {
          submit("nk_shuji", pi[0], "Task_ConversionMeeting", conversionMeeting);
          return desk("rmyy_zzb", pi[0], "Task_ConversionApproval",
              () -> rows("select * from pf_person where id = ?", "FB" + tag + "C"));
        },
            bad("approved by one clerk without a 党委会", form(), "须召开党委会集体讨论")),
        atTask("Task_ArchiveMaterials 入党材料归档", () -> {
          CommitteeApprovals.approve(context, "rmyy_zzb", "rmyy", "2025-11-01", pi[0]);
          return desk("rmyy_zzb", pi[0], "Task_ArchiveMaterials",
              () -> rows("select * from pf_person where id = ?", "FB" + tag + "C"));
        },
            bad("material missing", archive.with("archiveChecklist", json("[\"入党志愿书\"]")), "尚缺"),
            bad("checklist not a list", archive.with("archiveChecklist", json("{\"入党志愿书\":true}")),
                "归档材料的内容无法读取"),
            bad("archived before the approval", archive.with("archiveDate", "2025-10-31"), "不能早于审批日期"),
            bad("archived in the future", archive.with("archiveDate", "2025-11-21"), "不能晚于今天"),
            bad("location missing", archive.without("archiveLocation"), "请选择"),
            bad("date as text", archive.with("archiveDate", "下周"), "不是有效日期")));
  }

  private String startMemberDevelopment(Form start) {
    return startMemberDevelopment(start, () -> { });
  }

  private String startMemberDevelopment(Form start, Runnable before) {
    before.run();
    ResponseEntity<Map> started = http.withBasicAuth("nk_zuzhi", "demo").postForEntity(
        "/engine-rest/process-definition/key/memberDevelopment/submit-form", body(start), Map.class);
    assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    return made.started((String) started.getBody().get("id"));
  }

  private void person(String id, String status) {
    made.person(id);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id) values (?, ?, ?, ?, ?, ?)",
        id, "测试" + chinese(id), "女", Date.valueOf("1998-03-01"), status, "rmyy-nk");
  }

  /** Names in Chinese only: Tasklist pages in the same database are checked for English words. */
  private static String chinese(String id) {
    String table = "零一二三四五六七八九甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬";
    StringBuilder name = new StringBuilder();
    for (char c : id.toUpperCase().toCharArray()) {
      int i = Character.isDigit(c) ? c - '0' : Character.isLetter(c) ? 10 + (c - 'A') % 26 : -1;
      if (i >= 0) {
        name.append(table.charAt(i));
      }
    }
    return name.toString();
  }

  // ---- 巡察整改 ----------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicNode> rectification() {
    String[] pi = new String[1];
    long[] item = new long[3];
    String dept = "整改" + chinese(tag);
    String problemList = "[{\"no\":1,\"clause\":\"一\",\"problem\":\"" + LONGEST + "\"}]";
    Form feedback = form("feedbackDate", "2026-04-20", "roundName", "县委第六轮巡察", "groupName", "第一巡察组");
    Supplier<Form> plan = () -> form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
        "\"2026-05-20\"", "\"整改措施\"") + "," + planItem(dept, "\"立行立改\"", "\"nk_zhuren\"", "\"2026-04-30\"",
        "\"第二项措施\"") + "," + planItem(dept, "\"长期坚持\"", "\"nk_zhuren\"", "null", "\"长效机制\"") + "]"));
    Supplier<String> tables = () -> rows("select * from pf_rectification_case where process_instance_id = ?", pi[0])
        + rows("select * from pf_rectification_item where process_instance_id = ? order by id", pi[0])
        + rows("select e.* from pf_rectification_event e join pf_rectification_item i on i.id = e.item_id"
            + " where i.process_instance_id = ? order by e.id", pi[0]);
    Form progress = form("progress", "新议事规则已经党委会通过", "readyForVerification", true);
    Form verify = form("verified", "true", "verifyComment", "查阅会议纪要");
    Form submitPlan = form("planSubmittedDate", "2026-04-22", "planDocumentNo", "院党发〔2026〕12号");
    Form review = form("leaderApproved", "true", "leaderComment", "同意");
    Form escalate = form("accountabilityAction", "约谈", "accountabilityNote", "约谈分管领导和责任人");
    Form disclosure = form("reportSubmittedDate", "2026-06-15", "disclosedContent", "整改进展情况",
        "disclosureChannel", "门户网站", "disclosureDate", "2026-06-16", "withheldContent", "问题线索处置情况",
        "withheldReason", "正在初核，暂不公开", "withheldConsentBy", "县委巡察工作领导小组",
        "withheldConsentDate", "2026-06-14");
    Form meeting = form("planApproved", "true", "planMeetingDate", "2026-04-21", "planMeetingEntitled", 7,
        "planMeetingPresent", 6, "planMeetingAttendees", "王建国等6名委员");
    Form longTerm = form("progress", "制度已运行一季度", "readyForVerification", true);

    return Stream.of(
        dynamicTest("start form: unknown organization", () -> {
          long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("inspectionRectification")
              .count();
          ResponseEntity<String> r = http.withBasicAuth("rmyy_zzb", "demo").postForEntity(
              "/engine-rest/process-definition/key/inspectionRectification/submit-form",
              body(form("orgId", "no-such-org-" + tag, "source", "巡察")), String.class);
          assertRefusal(r, "no-such-org-" + tag);
          assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("inspectionRectification")
              .count()).isEqualTo(before);
        }),
        atTask("Task_RegisterFeedback 登记反馈问题清单", () -> {
          clock("2026-04-22T10:00");
          ResponseEntity<Map> started = http.withBasicAuth("rmyy_zzb", "demo").postForEntity(
              "/engine-rest/process-definition/key/inspectionRectification/submit-form",
              body(form("orgId", "rmyy", "source", "巡察")), Map.class);
          assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
          pi[0] = made.started((String) started.getBody().get("id"));
          Task registration = tasks.createTaskQuery().processInstanceId(pi[0]).singleResult();
          tasks.setVariable(registration.getId(), "problems", SpinValues.jsonValue(problemList).create());
          return desk("rmyy_zzb", pi[0], "Task_RegisterFeedback", tables);
        },
            bad("feedback date missing", feedback.without("feedbackDate"), "请填写反馈日期"),
            bad("feedback date as text", feedback.with("feedbackDate", "四月二十日"), "不是有效日期"),
            bad("feedback date in the future", feedback.with("feedbackDate", "2026-05-20"), "不能晚于今天"),
            bad("problem list sent with the form instead of imported", feedback.with("problems", json(problemList)),
                "表单未声明的字段"),
            bad("overlong round name", feedback.with("roundName", TOO_LONG), "最多100字"),
            bad("unknown source", feedback.with("source", "群众来信"), "整改来源只能是")),
        atTask("Task_DraftPlan 拟定整改方案", () -> {
          submit("rmyy_zzb", pi[0], "Task_RegisterFeedback", feedback);
          return desk("rmyy_zzb", pi[0], "Task_DraftPlan", tables);
        },
            bad("unknown responsible user", form("planItems", json("[" + planItem(dept, "\"限期整改\"",
                "\"nobody" + tag + "\"", "\"2026-05-20\"", "\"措施\"") + "]")), "不在可选的"),
            bad("unknown problem number", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "\"2026-05-20\"", "\"措施\"").replace("\"problemNo\":1", "\"problemNo\":99") + "]")),
                "对应问题序号只能是"),
            bad("problem number as text", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "\"2026-05-20\"", "\"措施\"").replace("\"problemNo\":1", "\"problemNo\":\"一\"") + "]")),
                "对应问题序号只能是"),
            bad("deadline before the feedback", form("planItems", json("[" + planItem(dept, "\"限期整改\"",
                "\"nk_zhuren\"", "\"2026-04-01\"", "\"措施\"") + "]")), "完成时限早于反馈日期"),
            bad("deadline as text", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "\"下个月\"", "\"措施\"") + "]")), "完成时限"),
            bad("deadline missing", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "null", "\"措施\"") + "]")), "缺少完成时限"),
            bad("measures missing", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "\"2026-05-20\"", "\"\"") + "]")), "缺少整改措施"),
            bad("unknown category", form("planItems", json("[" + planItem(dept, "\"随便改改\"", "\"nk_zhuren\"",
                "\"2026-05-20\"", "\"措施\"") + "]")), "类别只能是立行立改、限期整改、长期坚持"),
            bad("overlong measures", form("planItems", json("[" + planItem(dept, "\"限期整改\"", "\"nk_zhuren\"",
                "\"2026-05-20\"", "\"" + TOO_LONG + "\"") + "]")), "最多2000字"),
            bad("overlong department", form("planItems", json("[" + planItem(TOO_LONG, "\"限期整改\"",
                "\"nk_zhuren\"", "\"2026-05-20\"", "\"措施\"") + "]")), "最多100字"),
            bad("plan items not a list", form("planItems", "第一项：整改"), "整改事项的内容无法读取"),
            bad("plan items missing", form(), "没有对应的整改事项")),
        atTask("Task_ApprovePlan 党委书记审定整改方案", () -> {
          submit("rmyy_zzb", pi[0], "Task_DraftPlan", plan.get());
          return desk("rmyy_shuji", pi[0], "Task_ApprovePlan", tables);
        },
            bad("decision missing", form("planReturnReason", "再议"), "请选择审定结论"),
            bad("return without a reason", form("planApproved", "false"), "退回整改方案须写明理由"),
            bad("return with a blank reason", form("planApproved", "false", "planReturnReason", "  "),
                "退回整改方案须写明理由"),
            bad("decision as text", form("planApproved", "再看看"), "是或否"),
            bad("overlong reason", form("planApproved", "false", "planReturnReason", TOO_LONG), "最多2000字"),
            bad("signed without the committee meeting", form("planApproved", "true"), "党委（党组）会日期"),
            bad("signed with half the members present", meeting.with("planMeetingPresent", 3)
                .with("planMeetingEntitled", 6), "须有半数以上委员到会"),
            bad("more present than entitled", meeting.with("planMeetingPresent", 8), "不能多于应到委员人数"),
            bad("meeting in the future", meeting.with("planMeetingDate", "2026-04-23"), "不能晚于今天"),
            bad("attendees missing", meeting.without("planMeetingAttendees"), "请填写出席党委（党组）会的人员")),
        atTask("Task_SubmitPlan 向巡察办报送整改方案", () -> {
          submit("rmyy_shuji", pi[0], "Task_ApprovePlan", meeting);
          return desk("rmyy_zzb", pi[0], "Task_SubmitPlan", tables);
        },
            bad("date missing", submitPlan.without("planSubmittedDate"), "请填写报送日期"),
            bad("sent in the future", submitPlan.with("planSubmittedDate", "2026-04-23"), "不能晚于今天"),
            bad("sent before the feedback", submitPlan.with("planSubmittedDate", "2026-04-19"),
                "报送日期（2026-04-19）不能早于反馈日期（2026-04-20）"),
            bad("date as text", submitPlan.with("planSubmittedDate", "四月下旬"), "不是有效日期"),
            bad("impossible date", submitPlan.with("planSubmittedDate", "2026-04-31"), "不是有效日期"),
            bad("overlong document number", submitPlan.with("planDocumentNo", TOO_LONG), "报送文号最多2000字")),
        atTask("Task_ReviewPlan 巡察办审核整改方案", () -> {
          submit("rmyy_zzb", pi[0], "Task_SubmitPlan", submitPlan);
          return desk("xw_xcb", pi[0], "Task_ReviewPlan", tables);
        },
            bad("decision missing", form(), "请选择审核结论"),
            bad("return without opinions", form("planAccepted", "false"), "退回整改方案须写明理由"),
            bad("decision as text", form("planAccepted", "还行"), "是或否")),
        atTask("Task_ReportProgress 报告整改进展", () -> {
          submit("xw_xcb", pi[0], "Task_ReviewPlan", form("planAccepted", "true"));
          List<Long> ids = jdbc.queryForList("select id from pf_rectification_item where process_instance_id = ?"
              + " order by seq", Long.class, pi[0]);
          item[0] = ids.get(0);
          item[1] = ids.get(1);
          item[2] = ids.get(2);
          return itemDesk("nk_zhuren", pi[0], "Task_ReportProgress", item[0], tables);
        },
            bad("progress missing", progress.without("progress"), "请填写整改进展"),
            bad("overlong progress", progress.with("progress", TOO_LONG), "最多2000字"),
            bad("ready flag as text", progress.with("readyForVerification", "也许"), "是或否"),
            bad("unknown item id", progress.with("itemId", 999999999L), "itemId"),
            bad("the other item's id", progress.with("itemId", (Supplier<Long>) () -> item[1]), "itemId"),
            bad("text beyond what the engine stores", progress.with("progress", HUGE), "最多4000字"),
            bad("closing request without evidence", progress, "申请销号须先上传证明材料")),
        atTask("Task_LeaderReview 责任领导审核", () -> {
          jdbc.update("insert into pf_rectification_evidence (item_id, filename, content_type, size_bytes, content,"
              + " uploaded_by, uploaded_at) values (?, '规则.pdf', 'application/pdf', 8, ?, 'nk_zhuren',"
              + " current_timestamp)", item[0], "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
          submitItem("nk_zhuren", pi[0], "Task_ReportProgress", item[0], progress);
          return itemDesk("rmyy_fgld", pi[0], "Task_LeaderReview", item[0], tables);
        },
            bad("decision missing", review.without("leaderApproved"), "请选择审核结论"),
            bad("return without a reason", form("leaderApproved", "false"), "退回责任人须写明理由"),
            bad("decision as text", review.with("leaderApproved", "行吧"), "是或否"),
            bad("overlong comment", review.with("leaderComment", TOO_LONG), "最多2000字"),
            bad("the other item's id", review.with("itemId", (Supplier<Long>) () -> item[1]), "itemId")),
        atTask("Task_VerifyItem 验收销号", () -> {
          submitItem("rmyy_fgld", pi[0], "Task_LeaderReview", item[0], review);
          return itemDesk("xw_xcb", pi[0], "Task_VerifyItem", item[0], tables);
        },
            bad("decision missing", verify.without("verified"), "请选择验收结论"),
            bad("refusal without a reason", form("verified", "false"), "不予销号须写明理由"),
            bad("decision as text", verify.with("verified", "差不多"), "是或否"),
            bad("overlong comment", verify.with("verifyComment", TOO_LONG), "最多2000字"),
            bad("unknown item id", verify.with("itemId", 999999999L), "itemId")),
        atTask("Task_Supervise 督办逾期事项", () -> {
          submitItem("xw_xcb", pi[0], "Task_VerifyItem", item[0], verify);
          clock("2026-05-06T10:00");
          runDueJobs(pi[0]);
          return itemDesk("rmyy_zzb", pi[0], "Task_Supervise", item[1], tables);
        },
            bad("note missing", form(), "请填写督办情况"),
            bad("blank note", form("superviseNote", "   "), "请填写督办情况"),
            bad("overlong note", form("superviseNote", TOO_LONG), "督办情况最多2000字"),
            bad("the other item's id", form("superviseNote", "已督办", "itemId", (Supplier<Long>) () -> item[2]),
                "itemId")),
        atTask("Task_Escalate 研究约谈问责", () -> {
          submitItem("rmyy_zzb", pi[0], "Task_Supervise", item[1], form("superviseNote", "已电话督办"));
          clock("2026-05-25T10:00");
          runDueJobs(pi[0]);
          return itemDesk("rmyy_shuji", pi[0], "Task_Escalate", item[1], tables);
        },
            bad("action missing", escalate.without("accountabilityAction"), "请选择处理方式"),
            bad("unknown action", escalate.with("accountabilityAction", "罚款"), "处理方式只能是约谈、通报、问责、不予追究"),
            bad("reason missing", escalate.without("accountabilityNote"), "请填写处理意见和理由"),
            bad("overlong reason", escalate.with("accountabilityNote", TOO_LONG), "最多2000字")),
        atTask("Task_DraftReport 起草整改情况报告", () -> {
          submitItem("rmyy_shuji", pi[0], "Task_Escalate", item[1], escalate);
          submit("rmyy_zzb", pi[0], "Task_RecordLifeMeeting", form("lifeMeetingDate", "2026-05-15"));
          clock("2026-06-12T09:00");
          runDueJobs(pi[0]);
          return desk("rmyy_zzb", pi[0], "Task_DraftReport", tables);
        },
            bad("report missing", form(), "请填写整改情况报告正文"),
            bad("overlong report", form("reportText", TOO_LONG), "最多2000字"),
            bad("report beyond what the engine stores", form("reportText", HUGE), "最多4000字"),
            bad("the leader's own report missing", form("reportText", "正文"), "主要负责人组织落实整改情况的报告")),
        atTask("Task_ApproveReport 党委书记审定整改情况报告", () -> {
          submit("rmyy_zzb", pi[0], "Task_DraftReport", form("reportText", "整改情况报告（正文）",
              "leaderReportText", "主要负责人组织落实整改情况的报告"));
          return desk("rmyy_shuji", pi[0], "Task_ApproveReport", tables);
        },
            bad("decision missing", form(), "请选择审定结论"),
            bad("return without a reason", form("reportApproved", "false"), "退回整改情况报告须写明理由"),
            bad("decision as text", form("reportApproved", "可以"), "是或否"),
            bad("overlong reason", form("reportApproved", "false", "reportReturnReason", TOO_LONG), "最多2000字")),
        atTask("Task_RecordDisclosure 整改情况报送巡察办并公开", () -> {
          submit("rmyy_shuji", pi[0], "Task_ApproveReport", form("reportApproved", "true"));
          clock("2026-06-17T10:00");
          return desk("rmyy_zzb", pi[0], "Task_RecordDisclosure", tables);
        },
            bad("withheld without a reason", disclosure.without("withheldReason"), "有不予公开的内容时须写明理由"),
            bad("disclosed before the report was sent", disclosure.with("disclosureDate", "2026-06-14"),
                "公开日期（2026-06-14）不能早于报告报送日期（2026-06-15）"),
            bad("withheld without the recorded consent", disclosure.without("withheldConsentBy"),
                "不予公开须经巡察领导小组同意"),
            bad("consent date missing", disclosure.without("withheldConsentDate"), "同意不予公开的日期"),
            bad("report sent before the feedback", disclosure.with("reportSubmittedDate", "2026-04-01")
                .with("disclosureDate", "2026-04-02"), "不能早于反馈日期"),
            bad("disclosed in the future", disclosure.with("disclosureDate", "2026-06-18"), "公开日期（2026-06-18）不能晚于今天"),
            bad("report sent in the future", disclosure.with("reportSubmittedDate", "2026-06-20")
                .with("disclosureDate", "2026-06-20"), "不能晚于今天"),
            bad("disclosure date as text", disclosure.with("disclosureDate", "端午前"), "不是有效日期"),
            bad("disclosure date missing", disclosure.without("disclosureDate"), "请填写"),
            bad("content missing", disclosure.without("disclosedContent"), "请填写公开的内容"),
            bad("unknown channel", disclosure.with("disclosureChannel", "朋友圈"), "公开渠道只能是"),
            bad("overlong withheld content", disclosure.with("withheldContent", TOO_LONG), "最多2000字"),
            bad("overlong reason", disclosure.with("withheldReason", TOO_LONG), "最多2000字")),
        atTask("Task_LongTermReport 报告长期坚持事项落实情况", () -> {
          submit("rmyy_zzb", pi[0], "Task_RecordDisclosure", disclosure);
          clock("2026-07-23T10:00");
          runDueJobs(pi[0]);
          return itemDesk("nk_zhuren", pi[0], "Task_LongTermReport", item[2], tables);
        },
            bad("progress missing", longTerm.without("progress"), "请填写本期落实情况"),
            bad("overlong progress", longTerm.with("progress", TOO_LONG), "最多2000字"),
            bad("ready flag as text", longTerm.with("readyForVerification", "差不多"), "是或否"),
            bad("the other item's id", longTerm.with("itemId", (Supplier<Long>) () -> item[1]), "itemId")),
        atTask("Task_VerifyLongTerm 评估长期坚持事项", () -> {
          submitItem("nk_zhuren", pi[0], "Task_LongTermReport", item[2], longTerm);
          return itemDesk("xw_xcb", pi[0], "Task_VerifyLongTerm", item[2], tables);
        },
            bad("decision missing", verify.without("verified"), "请选择验收结论"),
            bad("refusal without a reason", form("verified", "false"), "不予销号须写明理由"),
            bad("overlong comment", verify.with("verifyComment", TOO_LONG), "最多2000字"),
            bad("unknown item id", verify.with("itemId", 999999999L), "itemId")));
  }

  private void runDueJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private static String planItem(String department, String category, String responsible, String deadline,
      String measures) {
    return "{\"problemNo\":1,\"measures\":" + measures + ",\"category\":" + category
        + ",\"leaderUser\":\"rmyy_fgld\",\"department\":\"" + department + "\",\"responsibleUser\":" + responsible
        + ",\"deadline\":" + deadline + "}";
  }

  // ---- 党费 --------------------------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicNode> dues() {
    String branch = "fb-dues-" + tag.toLowerCase();
    String m1 = "FD" + tag + "1";
    String m2 = "FD" + tag + "2";
    String[] pi = new String[2];
    Supplier<String> tables = () -> rows("select * from pf_dues_assessment where branch_id = ? order by id", branch)
        + rows("select * from pf_dues_ledger where branch_id = ? order by person_id, period", branch)
        + rows("select * from pf_dues_payment where branch_id = ? order by id", branch)
        + rows("select * from pf_dues_month_close where branch_id = ?", branch)
        + rows("select * from pf_dues_remittance where branch_id = ? order by id", branch)
        + rows("select * from pf_dues_arrears_case where branch_id = ? order by id", branch);
    String late = "FD" + tag + "3";
    String gone = "FD" + tag + "4";
    Form arrearsTalk = form("talkDate", "2027-01-22", "talkRecord", "已批评教育，限期补交", "properReason", false);
    Form meetingDecision = form("meetingDate", "2027-01-22", "removalDecided", true, "meetingDecision", "支部大会表决同意除名");
    Form close = form("deposited", 55.00, "depositDate", "2027-01-20");
    Form remit = form("remittedAmount", 55.00, "sentDate", "2027-01-21");
    Form receipt = form("receiptConfirmed", true, "receivedAmount", 55.00, "receivedDate", "2027-01-22");

    return Stream.of(
        atTask("Task_ImportIncome 导入收入数据", () -> {
          clock("2027-01-10T10:00");
          duesBranch(branch, m1, m2);
          pi[0] = (String) http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/assessments?branch="
              + branch + "&year=2027", null, Map.class).getBody().get("processInstanceId");
          return desk("nk_dangfei", pi[0], "Task_ImportIncome", tables);
        },
            bad("nothing imported yet", form(), "尚未导入党员收入数据"),
            bad("overlong note", form("importNote", TOO_LONG), "导入说明最多2000字")),
        atTask("Task_ReviewAmounts 审核更正党费核定表", () -> {
          String csv = "人员编号,姓名,人员类别,岗位工资,个人所得税\n" + m1 + ",甲" + tag + ",在职,3000,0\n" + m2 + ",乙" + tag
              + ",在职,4000,0\n";
          assertThat(upload("nk_dangfei", "/api/dues/assessments/income?branch=" + branch + "&year=2027",
              "payroll.csv", csv).getStatusCode().is2xxSuccessful()).isTrue();
          submit("nk_dangfei", pi[0], "Task_ImportIncome", form());
          return desk("nk_dangfei", pi[0], "Task_ReviewAmounts", tables);
        },
            bad("unknown person", corrections("{\"personId\":\"NOSUCH" + tag + "\",\"base\":3000,\"reason\":\"核实\"}"),
                "不在本支部"),
            bad("negative base", corrections("{\"personId\":\"" + m1 + "\",\"base\":-3000,\"reason\":\"核实\"}"),
                "不能为负数"),
            bad("negative amount", corrections("{\"personId\":\"" + m1 + "\",\"amount\":-15,\"reason\":\"核实\"}"),
                "不能为负数"),
            bad("base as text", corrections("{\"personId\":\"" + m1 + "\",\"base\":\"三千\",\"reason\":\"核实\"}"),
                "须为数字"),
            bad("fraction of a fen", corrections("{\"personId\":\"" + m1 + "\",\"amount\":15.001,\"reason\":\"核实\"}"),
                "精确到分"),
            bad("reason missing", corrections("{\"personId\":\"" + m1 + "\",\"base\":3500}"), "须写明原因"),
            bad("overlong reason", corrections("{\"personId\":\"" + m1 + "\",\"base\":3500,\"reason\":\"" + TOO_LONG
                + "\"}"), "最多500字"),
            bad("unknown category", corrections("{\"personId\":\"" + m1 + "\",\"category\":\"外星人\",\"reason\":\"核实\"}"),
                "无法识别"),
            bad("corrections not a table", form("corrections", "甲更正为3500"), "的内容无法读取")),
        atTask("Task_ConfirmBySecretary 支部书记确认核定表", () -> {
          submit("nk_dangfei", pi[0], "Task_ReviewAmounts", form());
          return desk("nk_shuji", pi[0], "Task_ConfirmBySecretary", tables);
        },
            bad("return without a reason", form("secretaryConfirmed", false), "退回更正须写明需要更正的内容"),
            bad("nothing chosen, no reason", form(), "退回更正须写明需要更正的内容"),
            bad("confirmation as text", form("secretaryConfirmed", "也许", "secretaryComment", "再核"),
                "确认核定表无误只能选择是或否"),
            bad("overlong comment", form("secretaryConfirmed", false, "secretaryComment", TOO_LONG), "意见最多2000字")),
        atTask("Task_ApproveByOrgDept 组织部门审批核定表", () -> {
          submit("nk_shuji", pi[0], "Task_ConfirmBySecretary", form("secretaryConfirmed", true));
          return desk("rmyy_zzb", pi[0], "Task_ApproveByOrgDept", tables);
        },
            bad("refusal without a reason", form("orgDeptApproved", false), "不予批准须写明理由"),
            bad("refusal with a blank reason", form("orgDeptApproved", "false", "approvalComment", " "), "不予批准须写明理由"),
            bad("approval as text", form("orgDeptApproved", "同意", "approvalComment", "同意"), "只能选择是或否"),
            bad("overlong comment", form("orgDeptApproved", true, "approvalComment", TOO_LONG), "审批意见最多2000字")),
        atTask("Task_CollectDues 收缴党费", () -> {
          submit("rmyy_zzb", pi[0], "Task_ApproveByOrgDept", form("orgDeptApproved", true, "approvalComment", "同意"));
          clock("2027-01-20T10:00");
          pi[1] = (String) http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/collections?branch="
              + branch + "&month=2027-01", null, Map.class).getBody().get("processInstanceId");
          return desk("nk_dangfei", pi[1], "Task_CollectDues", tables);
        },
            bad("negative amount", payments(m1, "-15.00", "2027-01-20", ""), "不能为负数"),
            bad("amount as text", payments(m1, "十五元", "2027-01-20", ""), "须为数字"),
            bad("amount missing", payments(m1, "", "2027-01-20", ""), "请填写甲" + tag + "本次交纳的金额"),
            bad("amount zero", payments(m1, "0", "2027-01-20", ""), "交纳金额为0，请填写实际交纳的金额"),
            bad("unknown person", payments("NOSUCH" + tag, "15.00", "2027-01-20", ""), "不在本支部"),
            bad("paid in the future", payments(m1, "15.00", "2027-01-25", ""), "晚于今天"),
            bad("paid date as text", payments(m1, "15.00", "昨天", ""), "年-月-日"),
            bad("paid date missing", payments(m1, "15.00", "", ""), "交纳日期"),
            bad("months as text", payments(m1, "45.00", "2027-01-20", ",\"months\":\"三\""), "须为整数"),
            bad("paid above what is due", payments(m1, "16.00", "2027-01-20", ""), "超出应交数额"),
            bad("overlong consent note", payments(m1, "45.00", "2027-01-20", ",\"months\":3,\"consentNote\":\""
                + TOO_LONG + "\""), "最多500字"),
            bad("second payment bad", form("payments", json("[" + payment(m1, "15.00", "2027-01-20", "") + ","
                + payment(m2, "-40.00", "2027-01-20", "") + "]")), "第2笔"),
            bad("payments not a table", form("payments", typed("{\"personId\":1}", "Json")), "的内容无法读取")),
        atTask("Task_CloseMonth 月结对账", () -> {
          submit("nk_dangfei", pi[1], "Task_CollectDues", form("payments", json("[" + payment(m1, "15.00",
              "2027-01-20", "") + "," + payment(m2, "40.00", "2027-01-20", "") + "]")));
          return desk("nk_dangfei", pi[1], "Task_CloseMonth", tables);
        },
            bad("negative deposit", close.with("deposited", -55), "不能为负数"),
            bad("deposit as text", close.with("deposited", "五十五"), "须为数字"),
            bad("deposit missing", close.without("deposited"), "请填写存入"),
            bad("deposit date missing", close.without("depositDate"), "请填写存入"),
            bad("deposit date in the future", close.with("depositDate", "2027-01-27"), "不能晚于今天"),
            bad("deposit before the collection month", close.with("depositDate", "2026-12-31"), "不能早于"),
            bad("impossible deposit date", close.with("depositDate", "2027-02-30"), "年-月-日"),
            bad("text beyond what the engine stores", close.with("depositDate", HUGE), "最多4000字")),
        atTask("Task_Remit 上缴党费", () -> {
          clock("2027-01-22T10:00");
          submit("nk_dangfei", pi[1], "Task_CloseMonth", close);
          return desk("nk_dangfei", pi[1], "Task_Remit", tables);
        },
            bad("negative amount", remit.with("remittedAmount", -55), "不能为负数"),
            bad("amount differs", remit.with("remittedAmount", 50), "应上缴党委55.00元"),
            bad("amount missing", remit.without("remittedAmount"), "请填写上缴金额"),
            bad("sent in the future", remit.with("sentDate", "2027-02-01"), "不能晚于今天"),
            bad("sent before the deposit", remit.with("sentDate", "2027-01-19"), "不能早于"),
            bad("sent date as text", remit.with("sentDate", "今天"), "年-月-日")),
        atTask("Task_ConfirmReceipt 确认收到上缴党费", () -> {
          submit("nk_dangfei", pi[1], "Task_Remit", remit);
          return desk("rmyy_dangban", pi[1], "Task_ConfirmReceipt", tables);
        },
            bad("negative amount", receipt.with("receivedAmount", -55), "不能为负数"),
            bad("amount as text", receipt.with("receivedAmount", "abc"), "须为数字"),
            bad("amount differs", receipt.with("receivedAmount", 50), "金额不符"),
            bad("received in the future", receipt.with("receivedDate", "2027-01-30"), "不能晚于今天"),
            bad("received before it was sent", receipt.with("receivedDate", "2027-01-20"), "不能早于"),
            bad("received date missing", receipt.without("receivedDate"), "收到的日期"),
            bad("confirmation as text", receipt.with("receiptConfirmed", "收到了"), "已收到，金额一致只能选择是或否")),
        atTask("Task_TalkWithMember 与连续3个月未交党费的党员谈话", () -> {
          submit("rmyy_dangban", pi[1], "Task_ConfirmReceipt", receipt);
          unpaid(branch, late, "2026-11", 3);
          unpaid(branch, gone, "2026-08", 6);
          arrears.check(branch, "2027-01");
          return desk("nk_shuji", arrearsCase(late), "Task_TalkWithMember", tables);
        },
            bad("talk record missing", arrearsTalk.without("talkRecord"), "请填写谈话情况"),
            bad("talk date missing", arrearsTalk.without("talkDate"), "请填写谈话日期"),
            bad("talk in the future", arrearsTalk.with("talkDate", "2027-02-22"), "晚于今天"),
            bad("talk date as text", arrearsTalk.with("talkDate", "上周"), "年-月-日"),
            bad("proper reason without its text", arrearsTalk.with("properReason", true), "须写明理由"),
            bad("proper reason as text", arrearsTalk.with("properReason", "有").with("reasonText", "生病"),
                "有正当理由只能选择是或否"),
            bad("overlong talk record", arrearsTalk.with("talkRecord", TOO_LONG), "谈话情况最多2000字"),
            bad("overlong reason", arrearsTalk.with("properReason", true).with("reasonText", "由".repeat(1500)),
                "正当理由最多1000字")),
        atTask("Task_BranchMeetingDecision 支部大会讨论连续6个月未交党费", () ->
            desk("nk_shuji", arrearsCase(gone), "Task_BranchMeetingDecision", tables),
            bad("decision missing", meetingDecision.without("meetingDecision"), "请填写讨论情况和决定"),
            bad("meeting in the future", meetingDecision.with("meetingDate", "2027-03-01"), "晚于今天"),
            bad("overlong decision", meetingDecision.with("meetingDecision", "决".repeat(1500)), "最多1000字")),
        atTask("Task_CommitteeApproval 上级党委审批除名", () -> {
          submit("nk_shuji", arrearsCase(gone), "Task_BranchMeetingDecision", meetingDecision);
          return desk("rmyy_zzb", arrearsCase(gone), "Task_CommitteeApproval", tables);
        },
            bad("approved alone in Tasklist", form(), "党委会集体讨论、逐个表决"),
            bad("a yes typed into the read-only decision", form("committeeApproved", true), "党委会批准除名")),
        atTask("Task_ResolveDifference 处理对账差额", () -> {
          clock("2027-02-20T10:00");
          String february = (String) http.withBasicAuth("nk_dangfei", "demo").postForEntity(
              "/api/dues/collections?branch=" + branch + "&month=2027-02", null, Map.class).getBody()
              .get("processInstanceId");
          pi[1] = february;
          submit("nk_dangfei", february, "Task_CollectDues", form("payments", json("[]")));
          submit("nk_dangfei", february, "Task_CloseMonth", form("deposited", 0, "depositDate", "2027-02-20"));
          return desk("nk_dangfei", february, "Task_ResolveDifference", tables);
        },
            bad("explanation missing", form(), "请填写差额原因及处理"),
            bad("blank explanation", form("differenceExplanation", "  "), "差额原因"),
            bad("overlong explanation", form("differenceExplanation", "差".repeat(1001)), "差额原因及处理最多1000字")));
  }

  /** A member of the branch who has paid nothing for {@code months} months up to January 2027. */
  private void unpaid(String branch, String person, String first, int months) {
    made.person(person);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
        + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
        + " false)", person, "欠" + person, branch);
    for (int m = 0; m < months; m++) {
      String period = java.time.YearMonth.parse(first).plusMonths(m).toString();
      jdbc.update("insert into pf_dues_ledger (branch_id, period, person_id, base, rate, due, paid, voluntary,"
          + " prepaid) values (?, ?, ?, 3000, 0.005, 15.00, 0, 0, false)", branch, period, person);
    }
  }

  private String arrearsCase(String person) {
    return jdbc.queryForObject("select process_instance_id from pf_dues_arrears_case where person_id = ?",
        String.class, person);
  }

  private void duesBranch(String branch, String m1, String m2) {
    made.organization(branch);
    made.person(m1);
    made.person(m2);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 99)", branch, "表单测试党支部" + tag);
    for (String[] p : new String[][] {{m1, "甲" + tag}, {m2, "乙" + tag}}) {
      jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
          + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', 'FULL_MEMBER', ?, date '2005-07-01',"
          + " false)", p[0], p[1], branch);
    }
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P012', 'DUES_KEEPER')", branch);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P010', 'SECRETARY')", branch);
    identitySync.sync();
  }

  private static Form corrections(String row) {
    return form("corrections", json("[" + row + "]"));
  }

  private static Form payments(String person, String amount, String date, String extra) {
    return form("payments", json("[" + payment(person, amount, date, extra) + "]"));
  }

  private static String payment(String person, String amount, String date, String extra) {
    return "{\"personId\":\"" + person + "\",\"amount\":\"" + amount + "\",\"paidDate\":\"" + date
        + "\",\"method\":\"微信\"" + extra + "}";
  }

  // ---- the check ---------------------------------------------------------------------------------------------

  /** A task an officer holds, and how to read the rows of our tables that its step touches. */
  record Desk(String user, String processInstanceId, String taskId, Supplier<String> tables) {}

  /** One bad submission and a fragment of the message it must be refused with (null: any message). */
  record Bad(String name, Form form, String message) {}

  static Bad bad(String name, Form form, String message) {
    return new Bad(name, form, message);
  }

  /** Reaches the task (doing the good submissions before it), claims it, then tries every bad variant on it. */
  private DynamicContainer atTask(String title, Supplier<Desk> reach, Bad... cases) {
    return dynamicContainer(title, Stream.of(reach).flatMap(r -> {
      Desk desk = r.get();
      ResponseEntity<String> claimed = http.withBasicAuth(desk.user(), "demo").postForEntity("/engine-rest/task/"
          + desk.taskId() + "/claim", new HttpEntity<>(Map.of("userId", desk.user()), jsonHeaders()), String.class);
      assertThat(claimed.getStatusCode().is2xxSuccessful()).as("claim " + title + ": " + claimed.getBody()).isTrue();
      return Arrays.stream(cases).map(c -> dynamicTest(c.name(), () -> refused(desk, c)));
    }));
  }

  private void refused(Desk desk, Bad bad) {
    Task before = tasks.createTaskQuery().taskId(desk.taskId()).singleResult();
    String variables = variables(before);
    String tables = desk.tables().get();

    ResponseEntity<String> answer = http.withBasicAuth(desk.user(), "demo").postForEntity("/engine-rest/task/"
        + desk.taskId() + "/submit-form", body(bad.form()), String.class);

    assertRefusal(answer, bad.message());
    Task after = tasks.createTaskQuery().taskId(desk.taskId()).singleResult();
    assertThat(after).as("the task is still open").isNotNull();
    assertThat(after.getAssignee()).isEqualTo(desk.user()).isEqualTo(before.getAssignee());
    assertThat(variables(after)).as("process variables").isEqualTo(variables);
    assertThat(desk.tables().get()).as("our tables").isEqualTo(tables);
  }

  private static void assertRefusal(ResponseEntity<String> answer, String expected) {
    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getStatusCode() + " " + answer.getBody())
        .isTrue();
    String message = message(answer.getBody());
    assertThat(message).as("message of " + answer.getBody()).isNotBlank();
    if (expected != null) {
      assertThat(message).contains(expected);
    }
  }

  private static String message(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node.path("message").asText("");
    } catch (Exception e) {
      return "";
    }
  }

  private String variables(Task task) {
    Map<String, String> all = new TreeMap<>();
    runtime.getVariables(task.getExecutionId()).forEach((k, v) -> all.put(k, String.valueOf(v)));
    tasks.getVariablesLocal(task.getId()).forEach((k, v) -> all.put("task." + k, String.valueOf(v)));
    return all.toString();
  }

  private String rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args).toString();
  }

  private Desk desk(String user, String processInstanceId, String taskKey, Supplier<String> tables) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    assertThat(open).as("open " + taskKey).hasSize(1);
    return new Desk(user, processInstanceId, open.get(0).getId(), tables);
  }

  private Desk itemDesk(String user, String processInstanceId, String taskKey, long item, Supplier<String> tables) {
    return new Desk(user, processInstanceId, itemTask(processInstanceId, taskKey, item).getId(), tables);
  }

  private Task itemTask(String processInstanceId, String taskKey, long item) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list().stream()
        .filter(t -> ((Number) tasks.getVariable(t.getId(), "itemId")).longValue() == item).findFirst()
        .orElseThrow(() -> new AssertionError("no " + taskKey + " for item " + item));
  }

  private void submitItem(String user, String processInstanceId, String taskKey, long item, Form form) {
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/"
        + itemTask(processInstanceId, taskKey, item).getId() + "/submit-form", body(form), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(taskKey + " by " + user + ": " + r.getBody()).isTrue();
  }

  private void submit(String user, String processInstanceId, String taskKey, Form form) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list();
    assertThat(open).as("open " + taskKey).hasSize(1);
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/"
        + open.get(0).getId() + "/submit-form", body(form), String.class);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(taskKey + " by " + user + ": " + r.getBody()).isTrue();
  }

  private ResponseEntity<String> upload(String user, String url, String name, String content) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(parts, headers), String.class);
  }

  // ---- form values as Tasklist sends them ----------------------------------------------------------------------

  /** A value sent with an explicit Camunda type, e.g. a Json list or a deliberately wrong "Integer". */
  record Typed(Object value, String type) {}

  static Typed typed(Object value, String type) {
    return new Typed(value, type);
  }

  static Typed json(String text) {
    return new Typed(text, "Json");
  }

  /**
   * The variables of one submission; with and without give a copy with one field changed. A Supplier stands for a
   * value known only once the case has reached the task.
   */
  static final class Form {
    final Map<String, Object> values = new LinkedHashMap<>();

    Form with(String key, Object value) {
      Form copy = new Form();
      copy.values.putAll(values);
      copy.values.put(key, value);
      return copy;
    }

    Form without(String key) {
      Form copy = new Form();
      copy.values.putAll(values);
      copy.values.remove(key);
      return copy;
    }
  }

  static Form form(Object... keyValues) {
    Form f = new Form();
    for (int i = 0; i < keyValues.length; i += 2) {
      f.values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return f;
  }

  private static HttpEntity<Object> body(Form form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    form.values.forEach((k, raw) -> {
      Object v = raw instanceof Supplier<?> later ? later.get() : raw;
      variables.put(k, v instanceof Typed t ? Map.of("value", t.value(), "type", t.type()) : Map.of("value", v));
    });
    return new HttpEntity<>(Map.of("variables", variables), jsonHeaders());
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(ChinaClock.toDate(LocalDateTime.parse(localDateTime)));
  }
}
