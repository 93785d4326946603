package cn.partyflow.home;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The menu of our pages for the Camunda webapps' header ({@code partyflow-home-link.js} in Tasklist): the same links
 * {@link Navigation} shows on our pages, except 待办, which is Tasklist itself.
 */
@RestController
class MenuApi {

  private final Navigation navigation;

  MenuApi(Navigation navigation) {
    this.navigation = navigation;
  }

  @GetMapping("/api/menu")
  List<Navigation.Link> menu() {
    return navigation.current().links().stream().filter(l -> !l.id().equals("menu-tasks")).toList();
  }
}
