package cn.partyflow.dues;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuesSettings.class)
class DuesConfiguration {

  @Bean
  DuesCalculator duesCalculator(DuesSettings properties) {
    return new DuesCalculator(properties.toCalculation());
  }
}
