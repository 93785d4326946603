package cn.partyflow.dues;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuesProperties.class)
@EnableScheduling
class DuesConfiguration {

  @Bean
  DuesCalculator duesCalculator(DuesProperties properties) {
    return new DuesCalculator(properties.toSettings());
  }
}
