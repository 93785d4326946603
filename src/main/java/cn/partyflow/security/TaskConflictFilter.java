package cn.partyflow.security;

import cn.partyflow.organization.AccessScope;
import cn.partyflow.organization.Groups;
import cn.partyflow.organization.OrganizationDirectory;
import cn.partyflow.organization.Person;
import cn.partyflow.shared.TaskConflict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When two officers complete the same task at once, the engine lets exactly one win; the REST API tells the other
 * with a 500 and an English locking message, or, when the winner was a moment earlier, with a 403 or 404 for a task
 * that is gone. A claim of a task somebody else holds answers 500 "already claimed by someone else". For a user's
 * request the engine already answers these with 409 ({@link TaskConflict}); this names the holder of a claimed task
 * and turns whatever still arrives as a 500 into a 409 with a message an officer understands, on /engine-rest and on
 * Tasklist's mount alike.
 * Nothing was written for the loser: the engine rolled its transaction back.
 */
class TaskConflictFilter extends OncePerRequestFilter {

  private final Engine engine;

  TaskConflictFilter(Engine engine) {
    this.engine = engine;
  }

  /** What the filter asks of the engine and the registry, after the request has been answered. */
  record Engine(HistoryService history, TaskService tasks, IdentityService identity, OrganizationDirectory directory,
      AccessScope scope) {}

  private static final Pattern TASK_ACTION = Pattern.compile("(?:/engine-rest(?:/engine/[^/]+)?"
      + "|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form|resolve|claim)");
  private static final Pattern CONFLICT = Pattern.compile("\"code\":1\\b|ENGINE-03005|updated by another transaction"
      + "|Cannot find task|task is null|No task exists|\"rule\":\"" + Pattern.quote(TaskConflict.GONE) + "\"");
  private static final Pattern CLAIMED = Pattern.compile("TaskAlreadyClaimedException|is already claimed by"
      + "|\"rule\":\"" + Pattern.quote(TaskConflict.CLAIMED) + "\"");
  static final String MESSAGE = TaskConflict.GONE_MESSAGE;
  static final String CLAIMED_BY_SOMEONE = TaskConflict.CLAIMED_MESSAGE;

  static String claimedBy(String name) {
    return "该任务已由" + name + "认领，您不能再认领；请刷新待办列表，或请" + name + "退回后再办理";
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<TaskConflictFilter> taskConflictFilter(@Lazy HistoryService history,
        @Lazy TaskService tasks, @Lazy IdentityService identity, @Lazy OrganizationDirectory directory,
        @Lazy AccessScope scope) {
      FilterRegistrationBean<TaskConflictFilter> registration = new FilterRegistrationBean<>(
          new TaskConflictFilter(new Engine(history, tasks, identity, directory, scope)));
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      registration.setName("task-conflict");
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !action(request).matches();
  }

  private static Matcher action(HttpServletRequest request) {
    return TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** The task was completed by somebody else before this request got to it. */
  private boolean finished(String taskId) {
    return engine.history().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Matcher action = action(request);
    action.matches();
    String taskId = action.group(1);
    String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
    int status = wrapper.getStatus();
    if (status >= 400 && "claim".equals(action.group(2)) && CLAIMED.matcher(body).find()) {
      conflict(wrapper, response, holderMessage(request, taskId));
      return;
    }
    if ((status >= 409 && CONFLICT.matcher(body).find()) || (status >= 400 && finished(taskId))) {
      conflict(wrapper, response, MESSAGE);
      return;
    }
    wrapper.copyBodyToResponse();
  }

  /**
   * Names the holder by the name in the registry when the caller may see that person (the person belongs to one
   * of the caller's organizations or one below them); otherwise says only that somebody else holds the task.
   */
  private String holderMessage(HttpServletRequest request, String taskId) {
    Optional<String> caller = EngineCaller.userId(request);
    Task task = engine.tasks().createTaskQuery().taskId(taskId).singleResult();
    if (caller.isEmpty() || task == null || task.getAssignee() == null) {
      return CLAIMED_BY_SOMEONE;
    }
    boolean admin = engine.identity().createGroupQuery().groupMember(caller.get()).groupId(Groups.ADMINS)
        .count() > 0;
    var visible = engine.scope().visibleOrganizations(caller.get(), admin);
    return engine.directory().personByUsername(task.getAssignee())
        .filter(p -> visible.contains(p.orgId()))
        .map(Person::name)
        .filter(name -> !name.isBlank())
        .map(TaskConflictFilter::claimedBy)
        .orElse(CLAIMED_BY_SOMEONE);
  }

  private static void conflict(ContentCachingResponseWrapper wrapper, HttpServletResponse response, String message)
      throws IOException {
    wrapper.resetBuffer();
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    response.setContentType("application/json;charset=UTF-8");
    byte[] json = ("{\"type\":\"TaskConflict\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}").getBytes(StandardCharsets.UTF_8);
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
