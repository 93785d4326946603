package cn.partyflow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When two officers complete the same task at once, the engine lets exactly one win; the REST API tells the other
 * with a 500 and an English locking message, or, when the winner was a moment earlier, with a 403 or 404 for a task
 * that is gone. This turns those answers into a 409 with a message an officer understands.
 * Nothing was written for the loser: the engine rolled its transaction back.
 */
class TaskConflictFilter extends OncePerRequestFilter {

  private final HistoryService history;

  TaskConflictFilter(HistoryService history) {
    this.history = history;
  }

  private static final Pattern TASK_ACTION =
      Pattern.compile(".*/engine-rest/task/([^/]+)/(complete|submit-form|resolve|claim)$");
  private static final Pattern CONFLICT = Pattern.compile(
      "\"code\":1\\b|ENGINE-03005|updated by another transaction|Cannot find task|task is null|No task exists");
  static final String MESSAGE = "该任务已被他人办理或正在被他人办理，本次提交未保存任何内容，请刷新待办列表";

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<TaskConflictFilter> taskConflictFilter(@Lazy HistoryService history) {
      FilterRegistrationBean<TaskConflictFilter> registration =
          new FilterRegistrationBean<>(new TaskConflictFilter(history));
      registration.addUrlPatterns("/engine-rest/task/*");
      registration.setName("task-conflict");
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !TASK_ACTION.matcher(request.getRequestURI()).matches();
  }

  /** The task was completed by somebody else before this request got to it. */
  private boolean finished(String uri) {
    Matcher m = TASK_ACTION.matcher(uri);
    return m.matches() && history.createHistoricTaskInstanceQuery().taskId(m.group(1)).finished().count() > 0;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
    boolean lostTheRace = wrapper.getStatus() >= 500 && CONFLICT.matcher(body).find();
    boolean alreadyDone = wrapper.getStatus() >= 400 && finished(request.getRequestURI());
    if (lostTheRace || alreadyDone) {
      wrapper.resetBuffer();
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      response.setContentType("application/json;charset=UTF-8");
      byte[] json = ("{\"type\":\"TaskConflict\",\"message\":\"" + MESSAGE + "\"}").getBytes(StandardCharsets.UTF_8);
      response.setContentLength(json.length);
      response.getOutputStream().write(json);
      return;
    }
    wrapper.copyBodyToResponse();
  }
}
