package io.monitoringkit.alertmanager;

import io.monitoringkit.testkit.Amtool;
import io.monitoringkit.testkit.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our verdict on a corpus of configurations equals {@code amtool check-config} 0.25's; one amtool process
 * checks the whole corpus. Each case also pins whether it is valid, so the corpus cannot silently drift.
 */
class AmtoolCheckConfigAgreementTest {
    private static final String R = "receivers: [{name: x}, {name: y}]\n";
    private static final String ROOT = "route: {receiver: x}\n";

    /** name -> (config, valid?) */
    static Map<String, Object[]> corpus() {
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("minimal", new Object[] {ROOT + R, true});
        c.put("full-featured", new Object[] {"""
                global:
                  resolve_timeout: 5m
                  smtp_smarthost: 'smtp.example.org:587'
                  smtp_from: 'am@example.org'
                  smtp_auth_username: am
                  smtp_auth_password: hunter2
                  slack_api_url: 'https://hooks.slack.com/services/T0/B0/XXX'
                  opsgenie_api_key: abc
                route:
                  receiver: default
                  group_by: [alertname, cluster]
                  group_wait: 30s
                  group_interval: 5m
                  repeat_interval: 4h
                  routes:
                    - matchers: ['team="db"', 'severity=~"page|critical"']
                      receiver: db-pager
                      continue: true
                    - match: {team: web}
                      match_re: {service: 'api|frontend'}
                      receiver: web
                      group_by: ['...']
                      mute_time_intervals: [off-hours]
                    - matchers: [env=staging]
                      receiver: default
                      active_time_intervals: [office]
                receivers:
                  - name: default
                    email_configs:
                      - to: 'ops@example.org'
                  - name: db-pager
                    pagerduty_configs:
                      - routing_key: 0123456789
                        severity: critical
                    opsgenie_configs:
                      - priority: P1
                  - name: web
                    slack_configs:
                      - channel: '#web'
                    webhook_configs:
                      - url: 'http://127.0.0.1:9099/hook'
                        send_resolved: false
                inhibit_rules:
                  - source_matchers: [severity=critical]
                    target_matchers: ['severity=~"warning|info"']
                    equal: [alertname, cluster]
                  - source_match: {severity: page}
                    target_match_re: {severity: 'warn.*'}
                time_intervals:
                  - name: off-hours
                    time_intervals:
                      - weekdays: [saturday, sunday]
                      - times: [{start_time: '00:00', end_time: '08:00'}, {start_time: '18:00', end_time: '24:00'}]
                  - name: office
                    time_intervals:
                      - weekdays: ['monday:friday']
                        days_of_month: ['1:-1']
                        months: ['january:december']
                        years: ['2024:2030']
                        location: Europe/Berlin
                templates: ['/etc/alertmanager/templates/*.tmpl']
                """, true});
        c.put("no-route", new Object[] {R, false});
        c.put("root-without-receiver", new Object[] {"route: {group_by: [a]}\n" + R, false});
        c.put("root-with-matchers", new Object[] {"route: {receiver: x, matchers: [a=b]}\n" + R, false});
        c.put("root-with-match", new Object[] {"route: {receiver: x, match: {a: b}}\n" + R, false});
        c.put("root-continue", new Object[] {"route: {receiver: x, continue: true}\n" + R, false});
        c.put("root-mute", new Object[] {"route: {receiver: x, mute_time_intervals: [w]}\n" + R
                + "time_intervals: [{name: w}]\n", false});
        c.put("undefined-receiver", new Object[] {"route: {receiver: x, routes: [{receiver: z}]}\n" + R, false});
        c.put("duplicate-receiver", new Object[] {ROOT + "receivers: [{name: x}, {name: x}]\n", false});
        c.put("receiver-without-name", new Object[] {ROOT + "receivers: [{name: x}, {}]\n", false});
        c.put("unknown-top-field", new Object[] {ROOT + R + "rout: {}\n", false});
        c.put("unknown-route-field", new Object[] {"route: {receiver: x, recevier: y}\n" + R, false});
        c.put("weekday-range-wraps-past-saturday", new Object[] {ROOT + R + "time_intervals: [{name: w, "
                + "time_intervals: [{weekdays: ['saturday:sunday']}]}]\n", false});
        c.put("matcher-bare-and-quoted", new Object[] {"route: {receiver: x, routes: [{matchers: "
                + "['a=b', 'c != \"d, e\"', '{f=~\"g|h\", i!~j}', 'k=', 'l=\"m\\\"n\"', 'x=y,']}]}\n" + R, true});
        c.put("matcher-unbalanced-quote", new Object[] {"route: {receiver: x, routes: [{matchers: ['a=\"b']}]}\n"
                + R, false});
        c.put("matcher-inner-quote", new Object[] {"route: {receiver: x, routes: [{matchers: ['a=b\"c']}]}\n"
                + R, false});
        c.put("matcher-bad-name", new Object[] {"route: {receiver: x, routes: [{matchers: ['1a=b']}]}\n" + R, false});
        c.put("matcher-no-operator", new Object[] {"route: {receiver: x, routes: [{matchers: [foo]}]}\n" + R, false});
        c.put("matcher-lone-comma", new Object[] {"route: {receiver: x, routes: [{matchers: [',']}]}\n" + R, false});
        c.put("matcher-bad-regex", new Object[] {"route: {receiver: x, routes: [{matchers: ['a=~\"(\"']}]}\n"
                + R, false});
        c.put("matcher-lookahead", new Object[] {"route: {receiver: x, routes: [{matchers: ['a=~\"(?=b)\"']}]}\n"
                + R, false});
        c.put("match-bad-label-name", new Object[] {"route: {receiver: x, routes: [{match: {a-b: c}}]}\n" + R,
                false});
        c.put("match-re-bad-regex", new Object[] {"route: {receiver: x, routes: [{match_re: {a: '[z-a]'}}]}\n" + R,
                false});
        c.put("match-colon-name-ok-in-matchers", new Object[] {"route: {receiver: x, routes: [{matchers: ['a:b=c']}]}\n"
                + R, true});
        c.put("group-by-wildcard-mixed", new Object[] {"route: {receiver: x, group_by: ['...', a]}\n" + R, false});
        c.put("group-by-duplicate", new Object[] {"route: {receiver: x, group_by: [a, a]}\n" + R, false});
        c.put("group-by-bad-name", new Object[] {"route: {receiver: x, group_by: [a.b]}\n" + R, false});
        c.put("bad-duration", new Object[] {"route: {receiver: x, group_wait: 30}\n" + R, false});
        c.put("duration-zero-wait-ok", new Object[] {"route: {receiver: x, group_wait: 0s}\n" + R, true});
        c.put("zero-group-interval", new Object[] {"route: {receiver: x, group_interval: 0m}\n" + R, false});
        c.put("zero-repeat-interval", new Object[] {"route: {receiver: x, repeat_interval: 0h}\n" + R, false});
        c.put("compound-durations", new Object[] {"route: {receiver: x, group_interval: 1h30m, repeat_interval: 1w2d}\n"
                + R, true});
        c.put("bad-resolve-timeout", new Object[] {"global: {resolve_timeout: 5 minutes}\n" + ROOT + R, false});
        c.put("email-missing-to", new Object[] {ROOT + "receivers: [{name: x, email_configs: [{smarthost: 'h:25', "
                + "from: a@b}]}]\n", false});
        c.put("email-no-smarthost", new Object[] {ROOT + "receivers: [{name: x, email_configs: [{to: a@b, "
                + "from: a@b}]}]\n", false});
        c.put("email-no-from", new Object[] {ROOT + "receivers: [{name: x, email_configs: [{to: a@b, "
                + "smarthost: 'h:25'}]}]\n", false});
        c.put("email-smarthost-without-port", new Object[] {ROOT + "receivers: [{name: x, email_configs: [{to: a@b, "
                + "smarthost: h, from: a@b}]}]\n", false});
        c.put("email-global-defaults", new Object[] {"global: {smtp_smarthost: 'h:25', smtp_from: a@b}\n" + ROOT
                + "receivers: [{name: x, email_configs: [{to: a@b}]}]\n", true});
        c.put("email-unknown-field", new Object[] {"global: {smtp_smarthost: 'h:25', smtp_from: a@b}\n" + ROOT
                + "receivers: [{name: x, email_configs: [{to: a@b, subject: hi}]}]\n", false});
        c.put("pagerduty-no-key", new Object[] {ROOT + "receivers: [{name: x, pagerduty_configs: [{severity: a}]}]\n",
                false});
        c.put("pagerduty-service-key", new Object[] {ROOT + "receivers: [{name: x, pagerduty_configs: "
                + "[{service_key: k, url: 'https://events.pagerduty.com/generic/2010-04-15/create_event.json'}]}]\n",
                true});
        c.put("webhook-no-url", new Object[] {ROOT + "receivers: [{name: x, webhook_configs: [{max_alerts: 3}]}]\n",
                false});
        c.put("webhook-ftp", new Object[] {ROOT + "receivers: [{name: x, webhook_configs: [{url: 'ftp://h/'}]}]\n",
                false});
        c.put("webhook-no-host", new Object[] {ROOT + "receivers: [{name: x, webhook_configs: [{url: 'http://'}]}]\n",
                false});
        c.put("webhook-relative", new Object[] {ROOT + "receivers: [{name: x, webhook_configs: [{url: hook}]}]\n",
                false});
        c.put("slack-no-url", new Object[] {ROOT + "receivers: [{name: x, slack_configs: [{channel: a}]}]\n", false});
        c.put("slack-inline-url", new Object[] {ROOT + "receivers: [{name: x, slack_configs: [{channel: a, "
                + "api_url: 'https://hooks.slack.com/services/T/B/C'}]}]\n", true});
        c.put("opsgenie-no-key", new Object[] {ROOT + "receivers: [{name: x, opsgenie_configs: [{message: m}]}]\n",
                false});
        c.put("opsgenie-global-key", new Object[] {"global: {opsgenie_api_key: k}\n" + ROOT
                + "receivers: [{name: x, opsgenie_configs: [{message: m}]}]\n", true});
        c.put("generic-telegram-missing-token", new Object[] {ROOT
                + "receivers: [{name: x, telegram_configs: [{chat_id: 1}]}]\n", false});
        c.put("generic-telegram-ok", new Object[] {ROOT
                + "receivers: [{name: x, telegram_configs: [{bot_token: t, chat_id: 42}]}]\n", true});
        c.put("generic-pushover-ok", new Object[] {ROOT
                + "receivers: [{name: x, pushover_configs: [{user_key: u, token: t}]}]\n", true});
        c.put("generic-victorops-missing-key", new Object[] {ROOT
                + "receivers: [{name: x, victorops_configs: [{routing_key: r}]}]\n", false});
        c.put("inhibit-bad-matcher", new Object[] {ROOT + R + "inhibit_rules: [{source_matchers: ['a=\"']}]\n", false});
        c.put("inhibit-bad-equal", new Object[] {ROOT + R + "inhibit_rules: [{equal: ['1']}]\n", false});
        c.put("inhibit-bad-match-name", new Object[] {ROOT + R + "inhibit_rules: [{target_match: {'x y': z}}]\n",
                false});
        c.put("inhibit-empty-ok", new Object[] {ROOT + R + "inhibit_rules: [{}]\n", true});
        c.put("undefined-time-interval", new Object[] {"route: {receiver: x, routes: [{mute_time_intervals: [w]}]}\n"
                + R, false});
        c.put("legacy-mute-time-intervals", new Object[] {"route: {receiver: x, routes: [{mute_time_intervals: [w]}]}\n"
                + R + "mute_time_intervals: [{name: w, time_intervals: [{weekdays: [Monday]}]}]\n", true});
        c.put("duplicate-time-interval", new Object[] {ROOT + R + "time_intervals: [{name: w}, {name: w}]\n", false});
        c.put("time-interval-without-name", new Object[] {ROOT + R + "time_intervals: [{time_intervals: []}]\n", false});
        c.put("times-bad-format", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{times: [{start_time: '9:00', end_time: '17:00'}]}]}]\n", false});
        c.put("times-reversed", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{times: [{start_time: '17:00', end_time: '09:00'}]}]}]\n", false});
        c.put("times-missing-end", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{times: [{start_time: '17:00'}]}]}]\n", false});
        c.put("weekday-unknown", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{weekdays: [funday]}]}]\n", false});
        c.put("weekday-reversed", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{weekdays: ['friday:monday']}]}]\n", false});
        c.put("day-out-of-range", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{days_of_month: ['32']}]}]\n", false});
        c.put("day-negative-to-positive", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{days_of_month: ['-3:5']}]}]\n", false});
        c.put("day-negative-range-ok", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{days_of_month: ['-7:-1', '1:-1']}]}]\n", true});
        c.put("month-unknown", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{months: [smarch]}]}]\n", false});
        c.put("month-reversed", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{months: ['march:january']}]}]\n", false});
        c.put("year-reversed", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{years: ['2030:2020']}]}]\n", false});
        c.put("range-three-parts", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{days_of_month: ['1:2:3']}]}]\n", false});
        c.put("location-unknown", new Object[] {ROOT + R + "time_intervals: [{name: w, time_intervals: "
                + "[{location: Mars/Olympus}]}]\n", false});
        c.put("template-bad-glob", new Object[] {ROOT + R + "templates: ['/tmp/[']\n", false});
        c.put("yaml-syntax-error", new Object[] {"route: {receiver: x\n" + R, false});
        c.put("duplicate-key", new Object[] {"route: {receiver: x, receiver: y}\n" + R, false});
        c.put("continue-not-bool", new Object[] {"route: {receiver: x, routes: [{continue: maybe}]}\n" + R, false});
        String hook = ROOT + "receivers: [{name: x, webhook_configs: [{url: 'http://a/', http_config: ";
        c.put("http-basic-and-bearer", new Object[] {hook + "{basic_auth: {username: u, password: p}, "
                + "bearer_token: t}}]}]\n", false});
        c.put("http-global-basic-and-authorization", new Object[] {"global: {http_config: {basic_auth: "
                + "{username: u}, authorization: {credentials: c}}}\n" + ROOT + R, false});
        c.put("http-bearer-and-file", new Object[] {hook + "{bearer_token: t, bearer_token_file: f}}]}]\n", false});
        c.put("http-unknown-field", new Object[] {hook + "{no_proxy: x}}]}]\n", false});
        c.put("http-password-and-file", new Object[] {hook + "{basic_auth: {username: u, password: p, "
                + "password_file: f}}}]}]\n", false});
        c.put("http-proxy-header-without-url", new Object[] {hook + "{proxy_connect_header: {a: [b]}}}]}]\n", false});
        c.put("http-valid-options", new Object[] {hook + "{follow_redirects: false, enable_http2: false, "
                + "tls_config: {insecure_skip_verify: true}, oauth2: {client_id: a, client_secret: b, "
                + "token_url: 'http://t/'}, proxy_url: 'http://proxy:3128'}}]}]\n", true});
        return c;
    }

    @Test
    void everyCorpusVerdictEqualsAmtoolsAndThePinnedOne(@TempDir Path dir) throws IOException {
        Amtool amtool = Amtool.locate();
        Map<String, Object[]> corpus = corpus();
        List<Path> files = new ArrayList<>();
        for (var e : corpus.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".yml");
            Files.writeString(f, (String) e.getValue()[0]);
            files.add(f);
        }
        CommandResult result = amtool.checkConfig(files.toArray(Path[]::new));
        Map<String, Boolean> amtoolVerdicts = parseVerdicts(result.stdout());
        assertThat(amtoolVerdicts).as(result.describe()).hasSize(corpus.size());

        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        for (var e : corpus.entrySet()) {
            String name = e.getKey();
            List<ConfigProblem> ours = AlertmanagerYaml.check((String) e.getValue()[0]);
            boolean amtoolValid = amtoolVerdicts.get(name);
            boolean pinned = (Boolean) e.getValue()[1];
            if (ours.isEmpty() != amtoolValid || pinned != amtoolValid) {
                disagreements.add(name + ": amtool " + (amtoolValid ? "valid" : "invalid") + ", pinned "
                        + (pinned ? "valid" : "invalid") + ", ours " + ours);
            }
            valid += amtoolValid ? 1 : 0;
        }
        assertThat(disagreements).as("cases where our verdict differs from amtool's").isEmpty();
        assertThat(corpus.size()).isGreaterThanOrEqualTo(30);
        assertThat(valid).as("valid configurations in the corpus").isGreaterThanOrEqualTo(10);
    }

    @Test
    void microsoftTeamsIsOursOnlyAmtool025RejectsTheField(@TempDir Path dir) throws IOException {
        String yaml = ROOT + "receivers: [{name: x, msteams_configs: [{webhook_url: 'https://x.example/hook'}]}]\n";
        Path f = Files.writeString(dir.resolve("teams.yml"), yaml);
        CommandResult result = Amtool.locate().checkConfig(f);
        assertThat(result.stdout()).contains("field msteams_configs not found");
        assertThat(AlertmanagerYaml.check(yaml)).as("validated by monitoring-kit's own rules").isEmpty();
        assertThat(AlertmanagerYaml.check(ROOT + "receivers: [{name: x, msteams_configs: [{title: t}]}]\n"))
                .containsExactly(new ConfigProblem("receivers[0].msteams_configs[0].webhook_url",
                        "one of webhook_url or webhook_url_file must be configured"));
    }

    /** amtool prints {@code Checking 'FILE'  SUCCESS} or {@code ... FAILED: ...}; a later FAILED (templates) wins. */
    static Map<String, Boolean> parseVerdicts(String stdout) {
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        String current = null;
        for (String line : stdout.split("\n")) {
            int at = line.indexOf("Checking '");
            if (at >= 0) {
                int end = line.indexOf('\'', at + 10);
                String file = Path.of(line.substring(at + 10, end)).getFileName().toString();
                current = file.substring(0, file.length() - ".yml".length());
                verdicts.put(current, true);
            }
            if (current != null && line.contains("FAILED")) {
                verdicts.put(current, false);
            }
        }
        return verdicts;
    }
}
