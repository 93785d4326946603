package cn.partyflow.rectification.web;

import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.rectification.DeadlineChange;
import cn.partyflow.rectification.EvidenceStore;
import cn.partyflow.rectification.RectificationItem;
import cn.partyflow.rectification.RectificationItems;
import cn.partyflow.rectification.RectificationSettings;
import cn.partyflow.shared.RuleViolation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An item's evidence (证明材料) and history on our own page, since Camunda Forms cannot upload files; the item
 * tasks link here.
 */
@Controller
class EvidenceController {

  private final RectificationItems service;
  private final EvidenceStore store;
  private final RectificationSettings settings;
  private final Viewer viewer;
  private final DeadlineChange deadlineChange;
  private final OrganizationDirectory directory;

  EvidenceController(RectificationItems service, EvidenceStore store, RectificationSettings settings,
      Viewer viewer, DeadlineChange deadlineChange, OrganizationDirectory directory) {
    this.deadlineChange = deadlineChange;
    this.directory = directory;
    this.service = service;
    this.store = store;
    this.settings = settings;
    this.viewer = viewer;
  }

  @GetMapping("/rectification/items/{id}/evidence")
  String page(@PathVariable long id, Authentication auth, Model model) {
    RectificationItem item = item(id, auth);
    model.addAttribute("item", item);
    List<EvidenceStore.Evidence> evidence = store.list(id);
    List<RectificationItems.Event> events = service.events(id);
    model.addAttribute("evidence", evidence);
    model.addAttribute("events", events);
    model.addAttribute("names", names(Stream.concat(Stream.of(item.leaderUser(), item.responsibleUser()),
        Stream.concat(evidence.stream().map(EvidenceStore.Evidence::uploadedBy),
            events.stream().map(RectificationItems.Event::actor))).toList()));
    model.addAttribute("maxSize", EvidenceStore.size(settings.evidenceMaxBytes()));
    model.addAttribute("types", String.join("、", settings.evidenceTypes()));
    model.addAttribute("approvesDeadline", item.isOpen() && !item.isLongTerm() && viewer.approvesDeadlines(auth, item));
    return "rectification/evidence";
  }

  /** The people of the page by name from the registry, never by login (the administrator as 系统管理员). */
  private Map<String, String> names(List<String> logins) {
    Map<String, String> names = new HashMap<>();
    logins.stream().filter(l -> l != null && !l.isBlank()).distinct().forEach(l -> names.put(l,
        directory.personByUsername(l).map(Person::name).orElse("admin".equals(l) ? "系统管理员" : l)));
    return names;
  }

  /** The 党委书记 approves a new deadline with its reason; the ladder's reminders follow the new date. */
  @PostMapping("/rectification/items/{id}/deadline")
  String moveDeadline(@PathVariable long id, @RequestParam(required = false) String deadline,
      @RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect) {
    RectificationItem item = item(id, auth);
    if (!viewer.approvesDeadlines(auth, item)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "调整完成时限须由党委书记批准");
    }
    try {
      RectificationItem moved = deadlineChange.change(id, deadline, reason, auth.getName());
      redirect.addFlashAttribute("deadlineMessage", "完成时限已调整为" + moved.deadline());
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("deadlineError", e.getMessage());
    }
    return "redirect:/rectification/items/" + id + "/evidence";
  }

  @PostMapping("/rectification/items/{id}/evidence")
  String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Authentication auth,
      RedirectAttributes redirect) throws IOException {
    item(id, auth);
    try {
      store.store(id, file.getOriginalFilename(), file.getBytes(), auth.getName());
      redirect.addFlashAttribute("message", "已上传：" + file.getOriginalFilename());
    } catch (RuleViolation e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/rectification/items/" + id + "/evidence";
  }

  @PostMapping("/api/rectification/items/{id}/evidence")
  @ResponseBody
  Map<String, Object> uploadApi(@PathVariable long id, @RequestParam("file") MultipartFile file, Authentication auth)
      throws IOException {
    item(id, auth);
    store.store(id, file.getOriginalFilename(), file.getBytes(), auth.getName());
    return Map.of("itemId", id, "evidence", store.list(id).size());
  }

  @GetMapping("/rectification/evidence/{evidenceId}")
  ResponseEntity<byte[]> download(@PathVariable long evidenceId, Authentication auth) {
    EvidenceStore.Evidence e = store.find(evidenceId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "证明材料不存在"));
    item(e.itemId(), auth);
    // Always a download of the stored kind, never rendered or sniffed by the browser as a page of ours.
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
            + URLEncoder.encode(e.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(e.servedType()))
        .body(store.content(evidenceId));
  }

  private RectificationItem item(long id, Authentication auth) {
    RectificationItem item = service.item(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "整改事项不存在"));
    viewer.requireItem(auth, item);
    return item;
  }
}
