package cn.partyflow.security;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginSettings.class)
class LoginPolicyConfiguration {

  /** Before Spring Security and the /engine-rest authentication, so that a waiting login never reaches them. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.addUrlPatterns("/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    registration.setName("login-throttle");
    return registration;
  }
}
