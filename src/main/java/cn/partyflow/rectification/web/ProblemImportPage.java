package cn.partyflow.rectification.web;

import cn.partyflow.rectification.ProblemImport;
import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RuleViolation;
import cn.partyflow.shared.SheetTemplate;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an officer uploads the 问题清单 sheet into one of their open registration tasks, claimed or not, linked from
 * the task's form with the task chosen. Whoever has no such task is told who holds the open ones.
 */
@Controller
class ProblemImportPage {

  private static final String PAGE = "/rectification/problems";
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final RegistrationTasks registrations;

  ProblemImportPage(RegistrationTasks registrations) {
    this.registrations = registrations;
  }

  @GetMapping(PAGE)
  String page(@RequestParam(name = "task", required = false) String task, Authentication auth, Model model) {
    String wanted = task != null ? task : (String) model.getAttribute("chosen");
    List<RegistrationTasks.Registration> mine = registrations.mine(auth);
    String selected = mine.stream().map(RegistrationTasks.Registration::taskId).filter(id -> id.equals(wanted))
        .findFirst().orElse(mine.isEmpty() ? null : mine.get(0).taskId());
    model.addAttribute("tasks", mine);
    model.addAttribute("selected", selected);
    model.addAttribute("others", registrations.heldByOthers(auth));
    model.addAttribute("user", auth.getName());
    return "rectification/problems";
  }

  @PostMapping(PAGE)
  String upload(@RequestParam(required = false) String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
      RedirectAttributes redirect) throws IOException {
    String back = "redirect:" + PAGE;
    // The task stays chosen through the redirect; a query parameter would not match the flash message's target.
    redirect.addFlashAttribute("chosen", taskId);
    if (taskId == null || taskId.isBlank() || file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "请选择任务和要导入的问题清单文件（CSV或XLSX）");
      return back;
    }
    try {
      int imported = registrations.importInto(taskId, file.getOriginalFilename(), file.getBytes(), auth);
      redirect.addFlashAttribute("message", "已导入" + imported + "条问题。请返回任务，核对表单中的问题清单，"
          + "填写反馈日期等各项后点击“完成”。");
    } catch (ImportRefused | RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return back;
  }

  /** An empty 问题清单 with the Chinese column names, for Excel or WPS. */
  @GetMapping(PAGE + "/template.xlsx")
  void xlsxTemplate(HttpServletResponse response) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("问题清单");
      int[] widths = {8, 40, 80};
      SheetTemplate.header(wb, sheet, ProblemImport.TEMPLATE_HEADERS, c -> widths[c]);
      sheet.createFreezePane(0, 1);
      wb.write(out);
      send(response, "问题清单模板.xlsx", XLSX, out.toByteArray());
    }
  }

  /** The same as CSV in UTF-8 with a byte order mark, so that Excel shows the Chinese names. */
  @GetMapping(PAGE + "/template.csv")
  void csvTemplate(HttpServletResponse response) throws IOException {
    byte[] text = ("\uFEFF" + String.join(",", ProblemImport.TEMPLATE_HEADERS) + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
    send(response, "问题清单模板.csv", "text/csv;charset=UTF-8", text);
  }

  private static void send(HttpServletResponse response, String name, String type, byte[] body) throws IOException {
    response.setContentType(type);
    response.setHeader("Content-Disposition",
        "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
