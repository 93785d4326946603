package cn.partyflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach what. The Camunda webapps keep their own login and session; /engine-rest demands HTTP Basic
 * credentials checked by the engine; our own pages and APIs accept either the webapps' session or HTTP Basic.
 * Nothing but the login pages is open to anonymous visitors, and the first-administrator setup is closed for good.
 */
@Configuration
class SecurityConfig {

  static final String LOGIN_PAGE = "/camunda/app/welcome/default/#!/login";

  @Bean
  @Order(1)
  SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**")))
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher("/camunda/api/admin/setup/**")).denyAll()
            .anyRequest().permitAll());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationChain(HttpSecurity http, IdentityService identity) throws Exception {
    http.authenticationProvider(camundaPasswords(identity))
        .addFilterBefore(new WebappSessionFilter(identity), BasicAuthenticationFilter.class)
        .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .csrf(c -> c.ignoringRequestMatchers("/api/**"))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                new RequestHeaderRequestMatcher("Authorization"))
            .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), request -> true))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/", "/error", "/favicon.ico").permitAll()
            .requestMatchers("/api/admin/**").hasRole("ADMIN")
            .requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "ADMIN")
            .anyRequest().authenticated());
    return http.build();
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
