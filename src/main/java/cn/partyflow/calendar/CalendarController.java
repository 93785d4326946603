package cn.partyflow.calendar;

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

  @GetMapping("/api/calendar/workdays")
  Map<String, Object> plus(@RequestParam("from") LocalDate from, @RequestParam("days") int n) {
    return Map.of("from", from.toString(), "days", n, "date", workdays.plusWorkdays(from, n).toString());
  }

  @PostMapping("/api/admin/calendar")
  Map<String, Object> importDays(@RequestParam("file") MultipartFile file) throws IOException {
    return Map.of("imported", days.importDays(file.getOriginalFilename(), file.getBytes()));
  }
}
