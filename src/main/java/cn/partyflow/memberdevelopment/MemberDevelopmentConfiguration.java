package cn.partyflow.memberdevelopment;

import cn.partyflow.calendar.WorkdayCalendar;
import cn.partyflow.organization.Organization;
import cn.partyflow.organization.OrganizationDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberDevelopmentSettings.class)
class MemberDevelopmentConfiguration {

  @Bean
  MemberDevelopmentRules memberDevelopmentRules(MemberDevelopmentSettings settings, WorkdayCalendar workdays) {
    return new MemberDevelopmentRules(settings, workdays);
  }

  @Bean
  MemberDevelopmentService memberDevelopmentService(MemberDevelopmentRules rules, PersonRegistry registry,
      ApplicationEventPublisher events) {
    return new MemberDevelopmentService(rules, registry, events::publishEvent);
  }

  @Bean
  CommitteeRecords committeeRecords(CommitteeMeetings meetings, MemberDevelopmentSettings settings,
      OrganizationDirectory directory) {
    return new CommitteeRecords(meetings, settings,
        id -> directory.organization(id).map(Organization::name).orElse(id));
  }
}
