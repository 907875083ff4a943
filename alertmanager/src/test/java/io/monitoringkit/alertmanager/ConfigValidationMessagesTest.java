package io.monitoringkit.alertmanager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem of a badly broken configuration, with its path and exact message, in document order. Regex
 * problems carry java.util.regex's description (Go's wording differs: {@code missing closing )}).
 */
class ConfigValidationMessagesTest {

    @Test
    void listsEveryProblemWithItsPath() {
        String yaml = """
                global:
                  resolve_timeout: 5min
                  slack_api_url: 'ftp://secret-host/T0KEN'
                route:
                  receiver: default
                  continue: true
                  matchers: [a=b]
                  group_by: ['...', cluster, cluster]
                  routes:
                    - receiver: missing
                      matchers: ['x=~"("', 'y="z']
                      match: {bad-name: v}
                      repeat_interval: 0s
                      mute_time_intervals: [nowhere]
                receivers:
                  - name: default
                    email_configs: [{to: ''}]
                    pagerduty_configs: [{}]
                    webhook_configs: [{url: 'http://'}, {}]
                  - name: default
                    opsgenie_configs: [{}]
                inhibit_rules:
                  - equal: ['9']
                    source_match_re: {a: '(?<=x)'}
                time_intervals:
                  - name: w
                    time_intervals:
                      - times: [{start_time: '10:00', end_time: '09:00'}]
                        weekdays: [someday]
                        days_of_month: ['0']
                        months: ['june:may']
                        location: Nowhere/City
                """;
        assertThat(AlertmanagerYaml.check(yaml)).extracting(ConfigProblem::toString).containsExactly(
                "global.resolve_timeout: not a valid duration string: \"5min\"",
                "global.slack_api_url: unsupported scheme \"ftp\" for URL",
                "receivers[0].email_configs[0].to: missing to address in email config",
                "receivers[0].email_configs[0].smarthost: no global SMTP smarthost set",
                "receivers[0].email_configs[0].from: no global SMTP from set",
                "receivers[0].pagerduty_configs[0]: missing service or routing key in PagerDuty config",
                "receivers[0].webhook_configs[0].url: missing host for URL",
                "receivers[0].webhook_configs[1].url: missing URL in webhook config",
                "receivers[1].name: notification config name \"default\" is not unique",
                "receivers[1].opsgenie_configs[0].api_key: no global OpsGenie API Key set either inline or in a file",
                "inhibit_rules[0].source_match_re.a: error parsing regexp: invalid or unsupported Perl syntax: "
                        + "`(?<`: `^(?:^(?:(?<=x))$)$`",
                "inhibit_rules[0].equal[0]: \"9\" is not a valid label name",
                "time_intervals[0].time_intervals[0].times[0]: start time cannot be equal or greater than end time",
                "time_intervals[0].time_intervals[0].weekdays[0]: someday is not a valid weekday",
                "time_intervals[0].time_intervals[0].days_of_month[0]: 0 is not a valid day of the month: out of range",
                "time_intervals[0].time_intervals[0].months[0]: end month may is before start month june",
                "time_intervals[0].time_intervals[0].location: unknown time zone Nowhere/City",
                "route: root route must not have any matchers",
                "route.continue: cannot have continue in root route",
                "route.group_by: cannot have wildcard group_by (`...`) and other other labels at the same time",
                "route.group_by[2]: duplicated label \"cluster\" in group_by",
                "route.routes[0].receiver: undefined receiver \"missing\" used in route",
                "route.routes[0].match.bad-name: invalid label name \"bad-name\"",
                "route.routes[0].matchers[0]: error parsing regexp: Unclosed group: `^(?:()$`",
                "route.routes[0].matchers[1]: matcher value contains unescaped double quote: \"z",
                "route.routes[0].repeat_interval: repeat_interval cannot be zero",
                "route.routes[0].mute_time_intervals[0]: undefined time interval \"nowhere\" used in route");
        assertThat(AlertmanagerYaml.check(yaml).toString()).doesNotContain("T0KEN");
    }
}
