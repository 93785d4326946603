package cn.partyflow.calendar;

import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Working-day arithmetic for pages and forms; the yearly holiday table for administrators. */
@RestController
class CalendarController {

  private final WorkdayCalendar workdays;
  private final JdbcCalendarDays days;

  CalendarController(WorkdayCalendar workdays, JdbcCalendarDays days) {
    this.workdays = workdays;
    this.days = days;
  }

  /** Dates a party procedure can have: anything outside would only make the day-by-day count run long. */
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  @GetMapping("/api/calendar/workdays")
  Map<String, Object> plus(@RequestParam("from") LocalDate from, @RequestParam("days") int n) {
    if (from.isBefore(EARLIEST) || from.isAfter(LATEST)) {
      throw new RuleViolation("calendar.span", "起始日期" + from + "超出范围：应在" + EARLIEST + "至" + LATEST + "之间");
    }
    return Map.of("from", from.toString(), "days", n, "date", workdays.plusWorkdays(from, n).toString());
  }

  @PostMapping("/api/admin/calendar")
  Map<String, Object> importDays(@RequestParam("file") MultipartFile file) throws IOException {
    return Map.of("imported", days.importDays(file.getOriginalFilename(), file.getBytes()));
  }
}
