package cn.partyflow.rectification.web;

import cn.partyflow.shared.ImportRefused;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where an officer uploads the 问题清单 sheet into an open registration task, linked from the task's form. */
@Controller
class ProblemImportPage {

  private final RegistrationTasks registrations;

  ProblemImportPage(RegistrationTasks registrations) {
    this.registrations = registrations;
  }

  @GetMapping("/rectification/problems")
  String page(Authentication auth, Model model) {
    model.addAttribute("tasks", registrations.open(auth));
    return "rectification/problems";
  }

  @PostMapping("/rectification/problems")
  String upload(@RequestParam(required = false) String taskId,
      @RequestParam(name = "file", required = false) MultipartFile file, Authentication auth,
      RedirectAttributes redirect) throws IOException {
    if (taskId == null || file == null || file.isEmpty()) {
      redirect.addFlashAttribute("error", "请选择任务和要导入的问题清单文件（CSV或XLSX）");
      return "redirect:/rectification/problems";
    }
    try {
      int imported = registrations.importInto(taskId, file.getOriginalFilename(), file.getBytes(), auth);
      redirect.addFlashAttribute("message", "已导入" + imported + "条问题。请回到任务表单（重新打开）核对后提交。");
    } catch (ImportRefused e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/rectification/problems";
  }
}
