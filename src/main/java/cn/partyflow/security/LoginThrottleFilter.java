package cn.partyflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of the three login paths: the Camunda webapps' login form, HTTP Basic on /engine-rest and HTTP
 * Basic on our own pages and /api/**. A login name or client address that is waiting gets 429 with a Chinese message
 * saying how long (the webapps' login page shows it) and a {@code Retry-After} header; its password is not checked.
 * The password checks themselves are counted where the engine makes them ({@link LoginPolicyPlugin}).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** A login form is a few dozen bytes; anything larger is not read here and counts by address only. */
  private static final int MAX_LOGIN_FORM = 8192;

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String source = request.getRemoteAddr();
    HttpServletRequest passOn = request;
    boolean attempt = false;
    String user = null;
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
      attempt = true;
      FormBody form = FormBody.read(request);
      if (form != null) {
        passOn = form;
        user = form.value("username");
      }
    } else if (!path.startsWith("/camunda/")) {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        attempt = true;
        user = basicUser(authorization.substring(6).trim());
      }
    }
    try {
      if (attempt) {
        Optional<LoginThrottle.Refusal> refusal = throttle.check(user, source);
        if (refusal.isPresent()) {
          refuse(response, refusal.get());
          return;
        }
      } else {
        LoginThrottle.begin(source);
      }
      chain.doFilter(passOn, response);
    } finally {
      LoginThrottle.end();
    }
  }

  private static void refuse(HttpServletResponse response, LoginThrottle.Refusal refusal) throws IOException {
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf((refusal.waiting().toMillis() + 999) / 1000));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\"" + refusal.message() + "\"}");
  }

  private static String basicUser(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? pair : pair.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** The login form, read once here and handed on unchanged to the webapps' login resource. */
  static final class FormBody extends HttpServletRequestWrapper {

    private final byte[] body;

    private FormBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    static FormBody read(HttpServletRequest request) throws IOException {
      String type = request.getContentType();
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
          || request.getContentLengthLong() > MAX_LOGIN_FORM) {
        return null;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_FORM);
      return new FormBody(request, body);
    }

    String value(String name) {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (key.equals(name)) {
          try {
            return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException malformed) {
            return null;
          }
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read synchronously");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
