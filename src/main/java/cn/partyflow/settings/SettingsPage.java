package cn.partyflow.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 规则设置 ({@code /admin/settings}): read-only, for administrators (SecurityConfig keeps /admin/** to them). */
@Controller
class SettingsPage {

  private final SettingsCatalog catalog;

  SettingsPage(SettingsCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/admin/settings")
  String page(Model model) {
    List<SettingsCatalog.Setting> settings = catalog.settings();
    Map<String, List<SettingsCatalog.Setting>> byProcedure = settings.stream()
        .collect(Collectors.groupingBy(SettingsCatalog.Setting::procedure, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute("procedures", byProcedure);
    model.addAttribute("fixedRules", catalog.fixedRules());
    model.addAttribute("localCount", settings.stream().filter(SettingsCatalog.Setting::local).count());
    return "settings/index";
  }
}
