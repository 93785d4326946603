package cn.partyflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.PostgresTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A branch's January 2025 dues through the dues procedures and API as the administrator: the annual assessment
 * from a payroll sheet (15.00 and 40.00 yuan a month), the month's collection, one member paying. The report's
 * expected, received, 收缴率 and the member behind 未交足 follow.
 */
@PostgresTest
class DuesReportTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired Reports reports;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String committee = "rptd" + tag;
  final String branch = committee + "-a";
  final String m1 = "RD" + tag + "1";
  final String m2 = "RD" + tag + "2";

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void expectedReceivedAndTheMemberWhoDidNotPay() throws Exception {
    upload("/api/import/organizations", "id,parent_id,kind,name,approval_power,sort_order\n" + committee
        + ",wjj,党委,党费统计测试党委" + tag + ",是,91\n" + branch + "," + committee + ",党支部,党费统计测试党支部" + tag + ",否,1\n");
    upload("/api/import/people", "id,name,gender,birth_date,status,org_id,full_member_date\n"
        + m1 + ",甲" + tag + ",男,1980-01-01,正式党员," + branch + ",2005-07-01\n"
        + m2 + ",乙" + tag + ",女,1985-01-01,正式党员," + branch + ",2010-07-01\n");
    ReportSeed.clock("2025-01-10T10:00");
    String assessment = (String) http.withBasicAuth("admin", "demo").postForObject("/api/dues/assessments?branch="
        + branch + "&year=2025", null, Map.class).get("processInstanceId");
    ResponseEntity<String> imported = http.withBasicAuth("admin", "demo").postForEntity("/api/dues/assessments/income"
        + "?branch=" + branch + "&year=2025", multipart("payroll.xlsx", payroll()), String.class);
    assertThat(imported.getStatusCode().is2xxSuccessful()).as(imported.getBody()).isTrue();
    complete(assessment, "Task_ImportIncome", Map.of());
    complete(assessment, "Task_ReviewAmounts", Map.of());
    complete(assessment, "Task_ConfirmBySecretary", Map.of("secretaryConfirmed", true));
    complete(assessment, "Task_ApproveByOrgDept", Map.of("orgDeptApproved", true, "approvalComment", "同意"));

    ReportSeed.clock("2025-01-20T10:00");
    String collection = (String) http.withBasicAuth("admin", "demo").postForObject("/api/dues/collections?branch="
        + branch + "&month=2025-01", null, Map.class).get("processInstanceId");
    ResponseEntity<String> paid = http.withBasicAuth("admin", "demo").postForEntity("/api/dues/payments?branch="
        + branch + "&month=2025-01", List.of(Map.of("personId", m1, "period", "2025-01", "amount", "15.00",
        "paidDate", "2025-01-20", "method", "微信")), String.class);
    assertThat(paid.getStatusCode().is2xxSuccessful()).as(paid.getBody()).isTrue();

    ReportSeed.clock("2026-02-10T10:00");
    Report report = reports.build(reports.scope(new UsernamePasswordAuthenticationToken("admin", null,
        List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))), committee).orElseThrow(), Period.year(2025));
    assertThat(cells(report, "dues-month", "2025-01")).containsExactly("55.00", "15.00", "27.3%", "1", "0");
    assertThat(cells(report, "dues-month", "2025-02")).containsExactly("0", "0", "—", "0", "0");
    assertThat(cells(report, "dues-month", "合计")).containsExactly("55.00", "15.00", "27.3%", "1", "0");
    assertThat(cells(report, "dues-branch", "党费统计测试党支部" + tag))
        .containsExactly("55.00", "15.00", "27.3%", "1", "0");
    assertThat(report.figures().refs("dues.all.unpaid")).extracting(Ref::name).containsExactly("乙" + tag);
    assertThat(report.figures().numbers()).containsEntry("duesExpected", "55.00").containsEntry("duesRate", "27.3%");
    runtime.deleteProcessInstance(collection, "测试结束");
  }

  private void complete(String pi, String key, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    tasks.complete(task.getId(), variables);
  }

  private List<String> cells(Report report, String table, String row) {
    return report.table(table).orElseThrow().rows().stream().filter(r -> r.label().equals(row)).findFirst()
        .orElseThrow().cells().stream().map(ReportTable.Cell::text).toList();
  }

  /** 甲 employed with 3,000.00 (0.5%: 15.00), 乙 with 4,000.00 (1%: 40.00). */
  private byte[] payroll() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet s = wb.createSheet("工资");
      String[][] rows = {
          {"人员编号", "姓名", "人员类别", "岗位工资", "个人所得税"},
          {m1, "甲" + tag, "在职", "3000", "0"},
          {m2, "乙" + tag, "在职", "4000", "0"}};
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

  private void upload(String url, String csv) {
    ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").postForEntity(url,
        multipart("registry.csv", csv.getBytes(StandardCharsets.UTF_8)), String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(url + ": " + answer.getBody()).isTrue();
  }

  private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }
}
