package io.circuitos.agents.winback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circuitos.winback.*}.
 *
 * @param schedule          the weekly campaign, a Camunda cron (sec min hour day-of-month month day-of-week) in the
 *                          server's time zone
 * @param attributionWindow a reactivation without a campaign id counts for the last campaign that emailed the customer
 *                          within this
 */
@ConfigurationProperties("circuitos.winback")
public record WinBackProperties(@DefaultValue("0 0 9 ? * MON") String schedule, @DefaultValue("P30D") Duration attributionWindow) {
}
