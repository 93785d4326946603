package cn.partyflow.shared.web;

import cn.partyflow.shared.RuleViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST resources put their own English prefix and the engine's ids before every refusal, e.g.
 * "Cannot submit task form 9e67…: " or "Cannot instantiate process definition memberDevelopment:1:ed8f…: ", and
 * Tasklist shows that text as it is. For a {@link RuleViolation} (recognised by its exception code in the answer)
 * this filter leaves only the rule's Chinese message, with 400 also where the resource answered 500 (POST …/start,
 * …/complete). It covers both mounts of the REST API: /engine-rest and the webapps' /camunda/api/engine, which
 * Tasklist calls.
 */
class RuleMessageFilter extends OncePerRequestFilter {

  /** One prefix of a REST resource: "Cannot <verb phrase> <id>: ". Ids never contain blanks. */
  private static final Pattern PREFIX = Pattern.compile("^Cannot [a-z ]+ \\S+: ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<RuleMessageFilter> ruleMessageFilter() {
      FilterRegistrationBean<RuleMessageFilter> registration = new FilterRegistrationBean<>(new RuleMessageFilter());
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      registration.setName("rule-message");
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    byte[] rewritten = wrapper.getStatus() >= 400 ? rewrite(wrapper.getContentAsByteArray()) : null;
    if (rewritten == null) {
      wrapper.copyBodyToResponse();
      return;
    }
    int status = wrapper.getStatus() >= 500 ? HttpServletResponse.SC_BAD_REQUEST : wrapper.getStatus();
    wrapper.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(rewritten.length);
    response.getOutputStream().write(rewritten);
  }

  /** The answer with the rule's message only, or null when the answer is not a rule violation. */
  static byte[] rewrite(byte[] body) {
    if (body.length == 0 || body[0] != '{') {
      return null;
    }
    try {
      JsonNode answer = JSON.readTree(body);
      if (!(answer instanceof ObjectNode object) || answer.path("code").asInt() != RuleViolation.CODE) {
        return null;
      }
      object.put("type", RuleViolation.class.getSimpleName());
      object.put("message", withoutPrefix(answer.path("message").asText("")));
      return JSON.writeValueAsBytes(object);
    } catch (IOException notJson) {
      return null;
    }
  }

  static String withoutPrefix(String message) {
    String rest = message;
    for (String shorter = strip(rest); !shorter.equals(rest); shorter = strip(rest)) {
      rest = shorter;
    }
    return rest;
  }

  private static String strip(String message) {
    return PREFIX.matcher(message).replaceFirst("");
  }
}
