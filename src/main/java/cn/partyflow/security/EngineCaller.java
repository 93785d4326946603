package cn.partyflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who a request to one of the engine's two REST mounts speaks for, the way that mount authenticates it:
 * /engine-rest by the HTTP Basic header only, the webapps' /camunda/api/** by the webapps' session only. The Basic
 * password is not checked here; the mount's own filter refuses a wrong one before the engine is reached.
 */
public final class EngineCaller {

  private EngineCaller() {}

  public static Optional<String> userId(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/engine-rest") ? basicUser(request) : webappUser(request);
  }

  static boolean sendsBasicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  static Optional<String> basicUser(HttpServletRequest request) {
    if (!sendsBasicCredentials(request)) {
      return Optional.empty();
    }
    try {
      String pair = new String(Base64.getDecoder().decode(request.getHeader("Authorization").substring(6).trim()),
          StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon > 0 ? Optional.of(pair.substring(0, colon)) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  static Optional<String> webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
    return auth == null ? Optional.empty() : Optional.ofNullable(auth.getIdentityId());
  }
}
