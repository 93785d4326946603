package cn.partyflow.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import cn.partyflow.TestData;
import cn.partyflow.WebSession;
import cn.partyflow.memberdevelopment.CommitteeApprovals;
import cn.partyflow.organization.IdentitySync;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A branch's dues year on PostgreSQL, driven through the same API Tasklist uses: the annual assessment from a
 * payroll sheet, collection with a short payment, back payment, prepayment and a large voluntary payment,
 * remittance and its confirmation, a new 预备党员 who owes from the meeting date, and a member who stops paying.
 */
@PostgresTest
class DuesScenarioTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired IdentitySync identitySync;
  @Autowired org.springframework.context.ApplicationContext context;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String branch = "dues-" + tag;
  final String m1 = "D" + tag + "1";
  final String m2 = "D" + tag + "2";
  final String m3 = "D" + tag + "3";
  final String m4 = "D" + tag + "4";
  final String m5 = "D" + tag + "5";
  final String newcomer = "D" + tag + "6";

  final TestData made = new TestData();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    made.remove(context);
  }

  @Test
  void aBranchDuesYear() throws Exception {
    createBranch();
    clock(2027, 1, 10);

    // 1. Annual assessment: one bad row refuses the whole sheet, then the good sheet is imported.
    String assessment = (String) post("nk_dangfei", "/api/dues/assessments?branch=" + branch + "&year=2027", null)
        .getBody().get("processInstanceId");
    ResponseEntity<String> refused = upload(sheet(true));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("第5行").contains("个人所得税").contains("不是金额");
    assertThat(count("select count(*) from pf_dues_assessment where branch_id = ?", branch)).isZero();
    assertThat(upload(sheet(false)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(count("select count(*) from pf_dues_assessment where branch_id = ?", branch)).isEqualTo(5);
    assertRefused(http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/collections?branch=" + branch
        + "&month=2027-01", null, String.class), "尚未核定");

    submitOk("nk_dangfei", task(assessment, "Task_ImportIncome"), Map.of());
    assertThat(amount(m1)).isEqualByComparingTo("97.50");
    assertThat(amount(m2)).isEqualByComparingTo("20.00");
    assertThat(amount(m3)).isEqualByComparingTo("15.00");

    String review = task(assessment, "Task_ReviewAmounts");
    ResponseEntity<String> noReason = submit("nk_dangfei", review, Map.of("corrections",
        json(List.of(Map.of("personId", m2, "base", 6000)))));
    assertRefused(noReason, "须写明原因");
    assertThat(amount(m2)).isEqualByComparingTo("20.00");
    submitOk("nk_dangfei", review, Map.of("corrections", json(List.of(Map.of("personId", m2, "base", 6000,
        "reason", "基本退休费经人社部门核定为6000元")))));
    assertThat(amount(m2)).isEqualByComparingTo("60.00");
    assertThat(jdbc.queryForObject("select correction_reason from pf_dues_assessment where person_id = ?",
        String.class, m2)).contains("6000");

    submitOk("nk_shuji", task(assessment, "Task_ConfirmBySecretary"), Map.of("secretaryConfirmed", true));
    String approve = task(assessment, "Task_ApproveByOrgDept");
    assertThat(tasks.getIdentityLinksForTask(approve)).anyMatch(l -> "rmyy.orgdept".equals(l.getGroupId()));
    submitOk("rmyy_zzb", approve, Map.of("orgDeptApproved", true, "approvalComment", "同意"));
    assertThat(count("select count(*) from pf_dues_assessment where branch_id = ? and status = 'APPROVED'"
        + " and approved_by = 'rmyy_zzb'", branch)).isEqualTo(5);
    assertThat(upload(sheet(false)).getBody()).contains("已经核定");

    // 2. January: a short payment; the difference becomes a task showing it; remittance confirmed.
    clock(2027, 1, 20);
    // A month that has not begun is not collected yet, neither from the page nor by a call.
    assertRefused(http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/collections?branch=" + branch
        + "&month=2027-02", null, String.class), "2027-02尚未到来，不能提前发起该月的党费收缴");
    String february = http.withBasicAuth("nk_dangfei", "demo").getForObject("/dues/" + branch + "?month=2027-02",
        String.class);
    assertThat(february).contains("id=\"future-month\"").doesNotContain("id=\"start-collection\"");
    assertThat(http.withBasicAuth("nk_dangfei", "demo").getForObject("/dues/" + branch + "?month=2027-01",
        String.class)).contains("id=\"start-collection\"").doesNotContain("id=\"future-month\"");
    String jan = startMonth("2027-01");
    assertThat(count("select count(*) from pf_dues_ledger where branch_id = ? and period = '2027-01'", branch))
        .isEqualTo(5);
    pay("2027-01", payment(m1, null, "97.50", "2027-01-20"), payment(m2, null, "60.00", "2027-01-20"),
        payment(m3, null, "10.00", "2027-01-20"));
    int paymentsBefore = count("select count(*) from pf_dues_payment where branch_id = ?", branch);
    assertRefused(payRaw("2027-01", Map.of("personId", m1, "amount", "292.50", "paidDate", "2027-01-20",
        "method", "微信", "months", 3)), "须经党支部同意");
    assertRefused(payRaw("2027-01", payment(m3, null, "6.00", "2027-01-20")), "超出应交数额");
    assertRefused(payRaw("2027-01", payment(m5, null, "0.20", "2027-01-25")), "晚于今天");
    assertRefused(payRaw("2027-01", payment(m5, null, "0.20", "2027-01-20"), payment(m4, null, "99.00",
        "2027-01-20")), "第2笔");
    assertThat(count("select count(*) from pf_dues_payment where branch_id = ?", branch)).isEqualTo(paymentsBefore);
    submitOk("nk_dangfei", task(jan, "Task_CollectDues"), Map.of("payments",
        json(List.of(Map.of("personId", m5, "amount", 0.2, "paidDate", "2027-01-20", "method", "现金")))));
    submitOk("nk_dangfei", task(jan, "Task_CloseMonth"), Map.of("deposited", 167.70, "depositDate", "2027-01-20"));
    String difference = task(jan, "Task_ResolveDifference");
    assertThat(tasks.createTaskQuery().taskId(difference).singleResult().getName()).contains("少交45.00元");
    assertRefused(submit("nk_dangfei", difference, Map.of()), "差额原因");
    submitOk("nk_dangfei", difference, Map.of("differenceExplanation", "少交15元下月补交，另一人未交"));
    assertRefused(submit("nk_dangfei", task(jan, "Task_Remit"), Map.of("remittedAmount", 100,
        "sentDate", "2027-01-20")), "应上缴党委167.70元");
    submitOk("nk_dangfei", task(jan, "Task_Remit"), Map.of("remittedAmount", 167.70, "sentDate", "2027-01-20"));
    submitOk("rmyy_dangban", task(jan, "Task_ConfirmReceipt"), Map.of("receiptConfirmed", true,
        "receivedAmount", 167.70, "receivedDate", "2027-01-20"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(jan).count()).isZero();
    assertThat(jdbc.queryForObject("select status from pf_dues_remittance where branch_id = ? and period = '2027-01'",
        String.class, branch)).isEqualTo("CONFIRMED");
    // m3 paid 10.00 of 15.00: 不按规定交纳, a talk with a deadline, not a month unpaid.
    Map<String, Object> shortCase = jdbc.queryForMap("select * from pf_dues_arrears_case where person_id = ?", m3);
    assertThat(shortCase).containsEntry("kind", "SHORT").containsEntry("first_unpaid", "2027-01");
    assertThat((BigDecimal) shortCase.get("short_amount")).isEqualByComparingTo("5.00");
    String shortTalk = task((String) shortCase.get("process_instance_id"), "Task_TalkShortPayment");
    assertRefused(submit("nk_shuji", shortTalk, Map.of("talkDate", "2027-01-20", "talkRecord", "已说明应交15元",
        "correctBy", "2027-01-20")), "须晚于谈话日期");
    submitOk("nk_shuji", shortTalk, Map.of("talkDate", "2027-01-20", "talkRecord", "已说明应交15元",
        "correctBy", "2027-02-20"));

    // 3. February: a new 预备党员 admitted on 15 February owes from that month; prepayment with consent;
    //    a back payment; a large voluntary payment flagged for the Centre.
    clock(2027, 2, 20);
    jdbc.update("update pf_person set status = 'PROBATIONARY', admission_date = date '2027-02-15' where id = ?",
        newcomer);
    String feb = startMonth("2027-02");
    assertThat(runtime.getVariable(feb, "unassessed").toString()).contains(newcomer);
    long adjustment = ((Number) post("nk_dangfei", "/api/dues/adjustments", Map.of("personId", newcomer,
        "year", 2027, "category", "在职", "base", 3500, "reason", "新接收预备党员，2027-02-15支部大会通过"))
        .getBody().get("id")).longValue();
    assertThat(http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/adjustments/" + adjustment
        + "/approve", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    post("rmyy_zzb", "/api/dues/adjustments/" + adjustment + "/approve", null);
    assertThat(due(newcomer, "2027-02")).isEqualByComparingTo("35.00");
    assertThat(count("select count(*) from pf_dues_ledger where person_id = ? and period = '2027-01'", newcomer))
        .isZero();
    pay("2027-02", payment(m1, null, "97.50", "2027-02-18"),
        Map.of("personId", m1, "period", "2027-03", "amount", "292.50", "paidDate", "2027-02-18", "method", "微信",
            "months", 3, "consentNote", "2027-02-10支委会同意按季度交纳"),
        Map.of("personId", m2, "amount", "60.00", "voluntary", "1000.00", "paidDate", "2027-02-18",
            "method", "银行转账"),
        payment(m3, null, "15.00", "2027-02-18"), payment(m3, "2027-01", "5.00", "2027-02-18"),
        payment(m5, null, "0.20", "2027-02-18"), payment(newcomer, null, "35.00", "2027-02-18"));
    assertThat(jdbc.queryForObject("select profile from pf_dues_large_voluntary where person_id = ?", String.class,
        m2)).contains("姓名：").contains("所在党组织");
    assertThat(http.withBasicAuth("rmyy_dangban", "demo").getForObject("/api/dues/large-voluntary?committee=rmyy",
        String.class)).contains(m2).contains("1000");
    long large = jdbc.queryForObject("select id from pf_dues_large_voluntary where person_id = ?", Long.class, m2);
    assertThat(http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/large-voluntary/" + large
        + "/forwarded", null, String.class).getStatusCode().value()).isIn(403, 404);
    String branchView = http.withBasicAuth("nk_dangfei", "demo").getForObject("/dues/large-voluntary", String.class);
    assertThat(branchView).contains("data-id=\"" + large + "\"").contains("待党委党费管理员转交")
        .doesNotContain("forward-" + large);
    WebSession keeper = WebSession.open(http, "rmyy_dangban", "/dues/large-voluntary");
    assertThat(keeper.page()).contains("data-id=\"" + large + "\"").contains("1000.00").contains("forward-" + large);
    assertThat(keeper.shown(keeper.post("/dues/large-voluntary/" + large + "/forwarded", "x=1"),
        "/dues/large-voluntary")).contains("已记录全额转交").contains("已全额转交");
    assertThat(jdbc.queryForObject("select forwarded from pf_dues_large_voluntary where id = ?", Boolean.class,
        large)).isTrue();
    closeAndRemit(feb, "1505.20", "2027-02-20", true);

    // 4. March: the member who pays nothing reaches three months; the branch secretary talks with him.
    clock(2027, 3, 19);
    String mar = startMonth("2027-03");
    assertThat(paid(m1, "2027-03")).isEqualByComparingTo("97.50");
    pay("2027-03", payment(m2, null, "60.00", "2027-03-19"), payment(m3, null, "15.00", "2027-03-19"),
        payment(m5, null, "0.20", "2027-03-19"), payment(newcomer, null, "35.00", "2027-03-19"));
    closeAndRemit(mar, "110.20", "2027-03-19", false);
    List<Map<String, Object>> cases = jdbc.queryForList("select * from pf_dues_arrears_case where branch_id = ?"
        + " and kind <> 'SHORT'", branch);
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0)).containsEntry("person_id", m4).containsEntry("kind", "TALK")
        .containsEntry("months_unpaid", 3);
    Task talk = tasks.createTaskQuery().processInstanceId((String) cases.get(0).get("process_instance_id"))
        .singleResult();
    assertThat(talk.getTaskDefinitionKey()).isEqualTo("Task_TalkWithMember");
    assertThat(tasks.getIdentityLinksForTask(talk.getId())).anyMatch(l -> (branch + ".secretary")
        .equals(l.getGroupId()));
    assertRefused(submit("nk_shuji", talk.getId(), Map.of("talkDate", "2027-03-19")), "谈话情况");
    submitOk("nk_shuji", talk.getId(), Map.of("talkDate", "2027-03-19", "talkRecord", "已批评教育，限期补交",
        "properReason", false));

    // 5. April to June: still nothing; after six months a 自行脱党 case; the system removes nobody.
    for (String month : List.of("2027-04", "2027-05", "2027-06")) {
      clock(2027, Integer.parseInt(month.substring(5)), 18);
      String pi = startMonth(month);
      String day = month + "-18";
      pay(month, payment(m2, null, "60.00", day), payment(m3, null, "15.00", day), payment(m5, null, "0.20", day),
          payment(newcomer, null, "35.00", day));
      if (month.equals("2027-06")) {
        pay(month, payment(m1, null, "97.50", day));
      } else {
        assertThat(paid(m1, month)).as("prepaid with the branch's consent").isEqualByComparingTo("97.50");
        assertRefused(payRaw(month, payment(m1, null, "97.50", day)), "超出应交数额");
      }
      closeAndRemit(pi, month.equals("2027-06") ? "207.70" : "110.20", day, false);
      assertThat(count("select count(*) from pf_dues_arrears_case where person_id = ?", m4))
          .isEqualTo(month.equals("2027-06") ? 2 : 1);
    }
    assertThat(count("select count(*) from pf_dues_arrears_case where person_id = ? and kind = 'WITHDRAWAL'", m4))
        .isEqualTo(1);
    assertRefused(payRaw("2027-06", payment(m4, "2026-11", "40.00", "2027-06-18")), "补交党费一般不超过6个月");
    String withdrawal = jdbc.queryForObject("select process_instance_id from pf_dues_arrears_case where person_id = ?"
        + " and kind = 'WITHDRAWAL'", String.class, m4);
    submitOk("nk_shuji", task(withdrawal, "Task_BranchMeetingDecision"), Map.of("meetingDate", "2027-06-18",
        "removalDecided", true, "meetingDecision", "经调查无正当理由，支部大会表决同意按自行脱党除名"));
    assertRefused(submit("rmyy_zzb", task(withdrawal, "Task_CommitteeApproval"), Map.of()), "党委会集体讨论");
    CommitteeApprovals.approve(context, "rmyy_zzb", "rmyy", "2027-06-18", withdrawal);
    assertThat(jdbc.queryForObject("select status from pf_dues_arrears_case where person_id = ? and kind ="
        + " 'WITHDRAWAL'", String.class, m4)).isEqualTo("APPROVED");
    assertThat(jdbc.queryForObject("select status from pf_person where id = ?", String.class, m4))
        .isEqualTo("FULL_MEMBER");

    // 6. The register of February read back as a spreadsheet, and only within the user's scope.
    ResponseEntity<byte[]> xlsx = http.withBasicAuth("nk_dangfei", "demo")
        .getForEntity("/api/dues/ledger?branch=" + branch + "&month=2027-02", byte[].class);
    assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = wb.getSheetAt(0);
      Row total = sheet.getRow(sheet.getLastRowNum());
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
      assertThat(BigDecimal.valueOf(total.getCell(5).getNumericCellValue())).isEqualByComparingTo("247.70");
      assertThat(BigDecimal.valueOf(total.getCell(6).getNumericCellValue())).isEqualByComparingTo("207.70");
      assertThat(BigDecimal.valueOf(total.getCell(7).getNumericCellValue())).isEqualByComparingTo("1000.00");
      assertThat(sheet.getLastRowNum()).isEqualTo(2 + 6);
    }
    assertThat(http.withBasicAuth("wk_dangfei", "demo").getForEntity("/api/dues/ledger?branch=" + branch
        + "&month=2027-02", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<byte[]> disclosure = http.withBasicAuth("nk_shuji", "demo")
        .getForEntity("/api/dues/disclosure?branch=" + branch + "&year=2027", byte[].class);
    try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(disclosure.getBody()))) {
      Row total = wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum());
      assertThat(BigDecimal.valueOf(total.getCell(6).getNumericCellValue())).isEqualByComparingTo("240.00");
    }
  }

  // ---- the branch and its people ----

  void createBranch() {
    made.organization(branch);
    jdbc.update("insert into pf_organization (id, parent_id, kind, name, approval_power, sort_order)"
        + " values (?, 'rmyy', 'BRANCH', ?, false, 99)", branch, "党费测试党支部" + tag);
    person(m1, "甲" + tag, "FULL_MEMBER");
    person(m2, "乙" + tag, "FULL_MEMBER");
    person(m3, "丙" + tag, "FULL_MEMBER");
    person(m4, "丁" + tag, "FULL_MEMBER");
    person(m5, "戊" + tag, "FULL_MEMBER");
    person(newcomer, "己" + tag, "TARGET");
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P012', 'DUES_KEEPER')", branch);
    jdbc.update("insert into pf_role_assignment (org_id, person_id, role) values (?, 'P010', 'SECRETARY')", branch);
    identitySync.sync();
  }

  void person(String id, String name, String status) {
    made.person(id);
    jdbc.update("insert into pf_person (id, name, gender, birth_date, status, org_id, full_member_date,"
        + " on_probation_discipline) values (?, ?, '男', date '1980-01-01', ?, ?, ?, false)", id, name, status, branch,
        status.equals("FULL_MEMBER") ? java.sql.Date.valueOf("2005-07-01") : null);
  }

  /** m1 employed 6,500 after tax and deductions; m2 retired 4,000; m3 3,000.00; m4 4,000; m5 a student. */
  byte[] sheet(boolean withBadRow) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("工资");
      String[][] rows = {
          {"人员编号", "姓名", "人员类别", "岗位工资", "薪级工资", "基础性绩效工资", "基本离退休费", "个人所得税", "住房公积金",
              "养老保险"},
          {m1, "甲" + tag, "在职", "4000", "2000", "2000", "", "300", "700", "500"},
          {m2, "乙" + tag, "离退休", "", "", "", "4000", "0", "", ""},
          {m3, "丙" + tag, "在职", "3000", "", "", "", "0", "", ""},
          {m4, "丁" + tag, "在职", "4000", "", "", "", withBadRow ? "abc" : "0", "", ""},
          {m5, "戊" + tag, "学生", "", "", "", "", "", "", ""}};
      for (int r = 0; r < rows.length; r++) {
        Row row = s.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(rows[r][c]);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  ResponseEntity<String> upload(byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "payroll.xlsx";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/assessments/income?branch=" + branch
        + "&year=2027", new HttpEntity<>(body, headers), String.class);
  }

  // ---- the month ----

  String startMonth(String month) {
    return (String) post("nk_dangfei", "/api/dues/collections?branch=" + branch + "&month=" + month, null).getBody()
        .get("processInstanceId");
  }

  void closeAndRemit(String pi, String received, String day, boolean returnOnce) {
    submitOk("nk_dangfei", task(pi, "Task_CollectDues"), Map.of());
    submitOk("nk_dangfei", task(pi, "Task_CloseMonth"), Map.of("deposited", new BigDecimal(received),
        "depositDate", day));
    if (tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_ResolveDifference").count() > 0) {
      submitOk("nk_dangfei", task(pi, "Task_ResolveDifference"), Map.of("differenceExplanation", "有党员未交，已列入欠缴"));
    }
    submitOk("nk_dangfei", task(pi, "Task_Remit"), Map.of("remittedAmount", new BigDecimal(received), "sentDate", day));
    if (returnOnce) {
      assertRefused(submit("rmyy_dangban", task(pi, "Task_ConfirmReceipt"), Map.of("receiptConfirmed", true,
          "receivedAmount", 1.00, "receivedDate", day)), "金额不符");
      submitOk("rmyy_dangban", task(pi, "Task_ConfirmReceipt"), Map.of("receiptConfirmed", false));
      submitOk("nk_dangfei", task(pi, "Task_Remit"), Map.of("remittedAmount", new BigDecimal(received),
          "sentDate", day));
    }
    submitOk("rmyy_dangban", task(pi, "Task_ConfirmReceipt"), Map.of("receiptConfirmed", true,
        "receivedAmount", new BigDecimal(received), "receivedDate", day));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
  }

  Map<String, Object> payment(String person, String period, String amount, String date) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("personId", person);
    p.put("period", period);
    p.put("amount", amount);
    p.put("paidDate", date);
    p.put("method", "微信");
    return p;
  }

  @SafeVarargs
  final void pay(String month, Map<String, Object>... payments) {
    for (Map<String, Object> p : payments) {
      ResponseEntity<String> r = payRaw(month, p);
      assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    }
  }

  @SafeVarargs
  final ResponseEntity<String> payRaw(String month, Map<String, Object>... payments) {
    return http.withBasicAuth("nk_dangfei", "demo").postForEntity("/api/dues/payments?branch=" + branch + "&month="
        + month, List.of(payments), String.class);
  }

  // ---- REST helpers ----

  @SuppressWarnings("unchecked")
  ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    ResponseEntity<Map> r = http.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
    return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) r;
  }

  String task(String processInstanceId, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    assertThat(t).as("task " + key).isNotNull();
    return t.getId();
  }

  ResponseEntity<String> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, v instanceof JsonValue j ? Map.of("value", j.json(), "type", "Json")
        : Map.of("value", v)));
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables), String.class);
  }

  void submitOk(String user, String taskId, Map<String, Object> values) {
    ResponseEntity<String> r = submit(user, taskId, values);
    assertThat(r.getStatusCode().is2xxSuccessful()).as(r.getStatusCode() + " " + r.getBody()).isTrue();
  }

  void assertRefused(ResponseEntity<String> r, String message) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(r.getBody()).contains(message);
  }

  record JsonValue(String json) {}

  JsonValue json(Object value) throws Exception {
    return new JsonValue(JSON.writeValueAsString(value));
  }

  // ---- reading back ----

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  BigDecimal amount(String person) {
    return jdbc.queryForObject("select amount from pf_dues_assessment where person_id = ?", BigDecimal.class, person);
  }

  BigDecimal due(String person, String period) {
    return jdbc.queryForObject("select due from pf_dues_ledger where person_id = ? and period = ?", BigDecimal.class,
        person, period);
  }

  BigDecimal paid(String person, String period) {
    return jdbc.queryForObject("select paid from pf_dues_ledger where person_id = ? and period = ?", BigDecimal.class,
        person, period);
  }

  static void clock(int year, int month, int day) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.of(year, month, day, 10, 0)
        .atZone(cn.partyflow.shared.ChinaClock.ZONE).toInstant()));
  }
}
