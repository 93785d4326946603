package cn.partyflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.CsvUpload;
import cn.partyflow.PostgresTest;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator imports a year's holidays from the State Council's notice (2033, which the application does not
 * ship): the days are stored and the working-day arithmetic everybody uses counts with them at once.
 */
@PostgresTest
class CalendarImportTest {

  private static final LocalDate FIRST = LocalDate.of(2033, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2033, 12, 31);

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aGoodCalendarFileIsStoredAndCountedInTheWorkingDays() {
    assertThat(workdayAfter("2033-09-30")).isEqualTo("2033-10-03");

    ResponseEntity<String> answer = upload("日期,放假,名称\n2033-10-03,是,国庆节\n2033-10-04,是,国庆节\n"
        + "2033-10-08,否,国庆节调休上班\n");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(answer.getBody()).contains("\"imported\":3");
    List<Map<String, Object>> rows = jdbc.queryForList("select calendar_date, off_day, name from pf_calendar_day"
        + " where calendar_date between ? and ? order by calendar_date", Date.valueOf(FIRST), Date.valueOf(LAST));
    assertThat(rows).extracting(r -> r.get("calendar_date").toString(), r -> r.get("off_day"), r -> r.get("name"))
        .containsExactly(Tuple.tuple("2033-10-03", true, "国庆节"),
            Tuple.tuple("2033-10-04", true, "国庆节"),
            Tuple.tuple("2033-10-08", false, "国庆节调休上班"));
    assertThat(workdayAfter("2033-09-30")).as("the holidays are skipped").isEqualTo("2033-10-05");
    assertThat(workdayAfter("2033-10-07")).as("the Saturday worked is a working day").isEqualTo("2033-10-08");
  }

  /** The year's days go, and an import of no days makes the calendar read the table again. */
  @AfterEach
  void removeTheYear() {
    jdbc.update("delete from pf_calendar_day where calendar_date between ? and ?", Date.valueOf(FIRST),
        Date.valueOf(LAST));
    assertThat(upload("日期,放假,名称\n").getStatusCode().value()).isEqualTo(200);
    assertThat(workdayAfter("2033-09-30")).as("2033's holidays left behind").isEqualTo("2033-10-03");
  }

  private String workdayAfter(String day) {
    Map<?, ?> answer = http.withBasicAuth("nk_zuzhi", "demo")
        .getForObject("/api/calendar/workdays?from=" + day + "&days=1", Map.class);
    return String.valueOf(answer.get("date"));
  }

  private ResponseEntity<String> upload(String csv) {
    return new CsvUpload(http).post("admin", "/api/admin/calendar", "2033.csv", csv);
  }
}
