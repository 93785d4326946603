package cn.partyflow.shared.web;

import cn.partyflow.shared.ImportRefused;
import cn.partyflow.shared.RuleViolation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** Our APIs answer a refused request with a 4xx and a Chinese message, never a stack trace. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<Map<String, Object>> refused(ImportRefused e) {
    List<Map<String, Object>> rows = e.errors().stream()
        .map(r -> Map.<String, Object>of("line", r.line(), "message", r.message())).toList();
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", rows));
  }

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<Map<String, Object>> rule(RuleViolation e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "rule", e.rule()));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
  ResponseEntity<Map<String, Object>> missing(Exception e) {
    return ResponseEntity.badRequest().body(Map.of("message", "请求缺少必填参数：" + e.getMessage()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode())
        .body(Map.of("message", e.getReason() == null ? HttpStatus.valueOf(e.getStatusCode().value()).name()
            : e.getReason()));
  }
}
