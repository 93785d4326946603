package cn.partyflow.rectification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily digest runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class RectificationConfiguration {}
