package cn.partyflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import cn.partyflow.organization.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. The Camunda webapps keep their own login and session; /engine-rest demands HTTP Basic
 * credentials checked by the engine; our own pages and APIs accept either the webapps' session or HTTP Basic.
 * Nothing but the login pages is open to anonymous visitors, and the first-administrator setup is closed for good.
 * The engine's resources that belong to no case (jobs, job definitions, metrics, schema log, telemetry) are for
 * administrators only, on both REST mounts. Our own pages send a Content-Security-Policy, and a write to /api/**
 * made with a session cookie must carry the CSRF token or come from our own origin.
 */
@Configuration
class SecurityConfig {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";

  /** The Welcome app's script that reads it (welcome/scripts/partyflow-landing.js) goes there after the login. */
  static final String NEXT_PARAMETER = "next";

  /** Where the engine's REST API is mounted: /engine-rest (default and named engine) and the webapps' copy. */
  static final List<String> ENGINE_MOUNTS = List.of("/engine-rest", "/engine-rest/engine/*",
      "/camunda/api/engine/engine/*");

  /**
   * REST resources of the engine that belong to no case. Camunda checks a job against its process instance and
   * skips the check for a job of no process (the history cleanup, batches), and it does not check job definitions of
   * batches at all; nobody but the administrator operates the engine, so these are refused to everyone else.
   */
  static final List<String> ENGINE_OPERATIONS = List.of("job", "job-definition", "metrics", "schema/log",
      "telemetry", "history/job-log", "history/cleanup");

  /** Our own pages: no script but our own files (they have none), inline styles, images from us or data URLs. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'self'";

  static final String CSRF_REFUSED = "请求来源无法确认：通过浏览器登录提交时须来自本系统页面（缺少CSRF令牌或来源为其他网站），未做任何更改";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http, IdentityService identity) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher("/camunda/api/admin/setup/**")).denyAll()
            .requestMatchers(engineOperations(paths)).access(engineAdministrator(identity))
            .anyRequest().permitAll());
    return http.build();
  }

  static RequestMatcher engineOperations(PathPatternRequestMatcher.Builder paths) {
    List<RequestMatcher> matchers = ENGINE_MOUNTS.stream()
        .flatMap(mount -> ENGINE_OPERATIONS.stream()
            .flatMap(resource -> Stream.of(mount + "/" + resource, mount + "/" + resource + "/**")))
        .map(paths::matcher).map(RequestMatcher.class::cast).toList();
    return new OrRequestMatcher(matchers);
  }

  /**
   * The caller as the mount authenticates it (see {@link EngineCaller}) is in camunda-admin. A wrong Basic password
   * for the administrator's name passes here and is refused by /engine-rest's own filter.
   */
  static AuthorizationManager<RequestAuthorizationContext> engineAdministrator(IdentityService identity) {
    return (authentication, context) -> new AuthorizationDecision(EngineCaller.userId(context.getRequest())
        .filter(user -> identity.createGroupQuery().groupMember(user).groupId(Groups.ADMINS).count() > 0)
        .isPresent());
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationChain(HttpSecurity http, IdentityService identity) throws Exception {
    http.authenticationProvider(camundaPasswords(identity))
        .addFilterBefore(new WebappSessionFilter(identity), BasicAuthenticationFilter.class)
        .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()).addHeaderWriter(new PageContentSecurityPolicy()))
        .exceptionHandling(e -> e
            .accessDeniedHandler(csrfRefusedInChinese())
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                new RequestHeaderRequestMatcher("Authorization"))
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/"))
            .defaultAuthenticationEntryPointFor((request, response, refused) ->
                response.sendRedirect(loginPageLeadingBackTo(request)), request -> true))
        .logout(l -> l.logoutSuccessUrl(LOGIN_PAGE))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/", "/error", "/favicon.ico").permitAll()
            .requestMatchers("/api/admin/**", "/admin/**").hasRole("ADMIN")
            .requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "ADMIN")
            .anyRequest().authenticated());
    return http.build();
  }

  /**
   * The login page for an anonymous visitor of one of our pages: the page is carried along as {@code ?next=} so the
   * login ends on it (a bookmarked case, a link in a mail), not on 工作台. Only a GET can be repeated; the home itself
   * needs no target, since 工作台 is where a login without one lands.
   */
  static String loginPageLeadingBackTo(HttpServletRequest request) {
    String context = request.getContextPath();
    String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String query = !"GET".equals(request.getMethod()) || target.equals(context + "/") ? ""
        : "?" + NEXT_PARAMETER + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    return context + LOGIN_PAGE.replace("/#!", "/" + query + "#!");
  }

  /**
   * A write needs the CSRF token, except on /api/** where a caller with HTTP Basic credentials (which a foreign
   * page cannot make a browser send) or a browser reporting our own origin (Origin, else Referer) is let through.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      return !EngineCaller.sendsBasicCredentials(request) && !sameOrigin(request);
    }
    return true;
  }

  static boolean sameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      origin = request.getHeader("Referer");
    }
    if (origin == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      return uri.getScheme().equalsIgnoreCase(request.getScheme())
          && uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static AccessDeniedHandler csrfRefusedInChinese() {
    LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> handlers = new LinkedHashMap<>();
    handlers.put(CsrfException.class, (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"message\":\"" + CSRF_REFUSED + "\"}").getBytes(StandardCharsets.UTF_8));
    });
    return new DelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
  }

  /**
   * Sends {@link #CONTENT_SECURITY_POLICY} with every answer of ours except PDFs, which browsers show in a viewer of
   * their own that a page policy may break. Written when the answer is committed, so its type is known.
   */
  static final class PageContentSecurityPolicy implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
      String type = response.getContentType();
      if ((type == null || !type.startsWith("application/pdf"))
          && !response.containsHeader("Content-Security-Policy")) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      }
    }
  }

  private static AuthenticationProvider camundaPasswords(IdentityService identity) {
    return new AuthenticationProvider() {
      @Override
      public org.springframework.security.core.Authentication authenticate(
          org.springframework.security.core.Authentication auth) {
        String user = auth.getName();
        String password = auth.getCredentials() == null ? "" : auth.getCredentials().toString();
        if (!identity.checkPassword(user, password)) {
          throw new BadCredentialsException("用户名或密码错误");
        }
        return CurrentUser.authenticated(user, identity);
      }

      @Override
      public boolean supports(Class<?> type) {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.class
            .isAssignableFrom(type);
      }
    };
  }

  /** Carries a login made in the Camunda webapps over to our own pages. */
  static final class WebappSessionFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    WebappSessionFilter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpSession session = request.getSession(false);
      if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
        Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
        Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine("default");
        if (auth != null && auth.getIdentityId() != null) {
          SecurityContextHolder.getContext().setAuthentication(CurrentUser.authenticated(auth.getIdentityId(),
              identity));
        }
      }
      chain.doFilter(request, response);
    }
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    return registration;
  }
}
