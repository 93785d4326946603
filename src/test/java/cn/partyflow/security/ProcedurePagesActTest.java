package cn.partyflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.partyflow.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** A page action's refusal comes back to the page it came from as its Chinese error; a success goes on. */
class ProcedurePagesActTest {

  private final ProcedurePages pages = new ProcedurePages(null, null, null, null, null);
  private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

  @Test
  void aBrokenRuleGoesBackWithItsMessage() {
    String to = pages.act(redirect, "redirect:/re-election", () -> {
      throw new RuleViolation("reElection.type", "请选择请示事项：换届选举、延期换届或提前换届");
    });
    assertThat(to).isEqualTo("redirect:/re-election");
    assertThat(redirect.getFlashAttributes().get("error")).isEqualTo("请选择请示事项：换届选举、延期换届或提前换届");
  }

  @Test
  void aRefusedStatusGoesBackWithItsReasonOnly() {
    String to = pages.act(redirect, "redirect:/duty-review", () -> {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "述职评议由县人民医院党委的组织部门干事发起");
    });
    assertThat(to).isEqualTo("redirect:/duty-review");
    assertThat(redirect.getFlashAttributes().get("error")).isEqualTo("述职评议由县人民医院党委的组织部门干事发起");
  }

  @Test
  void aSuccessGoesWhereTheActionSaysWithoutAnError() {
    String to = pages.act(redirect, "redirect:/leadership-meeting", () -> "redirect:/leadership-meeting/cases/1");
    assertThat(to).isEqualTo("redirect:/leadership-meeting/cases/1");
    assertThat(redirect.getFlashAttributes()).doesNotContainKey("error");
  }
}
