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
 * {@link Routing} gives the same receivers as {@code amtool config routes test} for (config, labels) cases
 * covering nested routes, {@code continue}, the default route, legacy {@code match}/{@code match_re}, regex
 * anchoring, negative matchers and missing labels; and the same tree as {@code amtool config routes show}.
 */
class AmtoolRoutesAgreementTest {

    static final String TEAMS = """
            route:
              receiver: default
              routes:
                - matchers: [team="db"]
                  receiver: db
                  routes:
                    - matchers: ['severity=~"critical|page"']
                      receiver: db-pager
                    - matchers: [env!=prod]
                      receiver: db-dev
                - matchers: [team=~"web|api"]
                  receiver: web
                  continue: true
                - matchers: ['severity="critical"']
                  receiver: pager
                - match: {service: billing}
                  receiver: billing
                - match_re: {service: 'pay.*'}
                  receiver: payments
            receivers: [{name: default}, {name: db}, {name: db-pager}, {name: db-dev}, {name: web},
                        {name: pager}, {name: billing}, {name: payments}]
            """;

    static final String CONTINUES = """
            route:
              receiver: fallback
              routes:
                - matchers: [audit!~"false|no"]
                  receiver: audit
                  continue: true
                - matchers: [region=~"eu-.*"]
                  continue: true
                  routes:
                    - matchers: [tier=gold]
                      receiver: eu-gold
                      continue: true
                    - matchers: [tier=~"gold|silver"]
                      receiver: eu-priority
                - matchers: ['region=~"us-(east|west)"', 'tier!=""']
                  receiver: us
                - matchers: [region=""]
                  receiver: no-region
            receivers: [{name: fallback}, {name: audit}, {name: eu-gold}, {name: eu-priority}, {name: us},
                        {name: no-region}]
            """;

    static final String REGEX = """
            route:
              receiver: root
              routes:
                - matchers: ['instance=~"host-[0-9]+"']
                  receiver: hosts
                - matchers: ['instance=~"db|cache"']
                  receiver: infra
                - matchers: ['path=~"/api/.*"', 'code!~"2.."']
                  receiver: api-errors
                - matchers: ['msg="a, b"']
                  receiver: comma
                - matchers: ['quote="say \\"hi\\""']
                  receiver: quoted
                - matchers: ['dot=~"a.c"']
                  receiver: dot
            receivers: [{name: root}, {name: hosts}, {name: infra}, {name: api-errors}, {name: comma},
                        {name: quoted}, {name: dot}]
            """;

    static final String DEEP = """
            route:
              receiver: top
              routes:
                - matchers: [a="1"]
                  routes:
                    - matchers: [b="1"]
                      routes:
                        - matchers: [c="1"]
                          receiver: abc
                        - matchers: [c="2"]
                          receiver: abc2
                          continue: true
                        - matchers: [d="1"]
                          receiver: abd
                    - matchers: [b="2"]
                      receiver: ab2
                - matchers: [a="2"]
                  receiver: a2
                  continue: true
                - matchers: [a=~"2|3"]
                  receiver: a23
                  continue: true
                - matchers: [x="1"]
                  receiver: x
            receivers: [{name: top}, {name: abc}, {name: abc2}, {name: abd}, {name: ab2}, {name: a2}, {name: a23},
                        {name: x}]
            """;

    static final String INHERIT = """
            route:
              receiver: base
              routes:
                - matchers: [cluster=~"prod-.+"]
                  routes:
                    - matchers: [owner=""]
                      receiver: unowned
                    - matchers: [owner!=""]
                      continue: true
                    - matchers: [severity=critical]
                  continue: true
                - matchers: ['{owner="sre", severity!~"info|debug"}']
                  receiver: sre
            receivers: [{name: base}, {name: unowned}, {name: sre}]
            """;

    static Map<String, List<Map<String, String>>> cases() {
        Map<String, List<Map<String, String>>> c = new LinkedHashMap<>();
        c.put(TEAMS, List.of(
                Map.of(), Map.of("team", "db"), Map.of("team", "db", "severity", "critical"),
                Map.of("team", "db", "severity", "page", "env", "dev"), Map.of("team", "db", "env", "prod"),
                Map.of("team", "db", "env", "staging"), Map.of("team", "db", "severity", "warning", "env", "prod"),
                Map.of("team", "web"), Map.of("team", "api", "severity", "critical"), Map.of("team", "webapp"),
                Map.of("team", "xweb"), Map.of("severity", "critical"), Map.of("severity", "Critical"),
                Map.of("service", "billing"), Map.of("service", "billing2"), Map.of("service", "payments"),
                Map.of("service", "pay"), Map.of("service", "xpay"), Map.of("team", "web", "service", "billing"),
                Map.of("team", "api", "service", "payroll"), Map.of("team", "DB"),
                Map.of("team", "db", "severity", "critical", "env", "dev"), Map.of("alertname", "Foo"),
                Map.of("team", "", "severity", "critical"), Map.of("team", "web", "severity", "page"),
                Map.of("severity", "critical", "service", "billing"), Map.of("team", " db")));
        c.put(CONTINUES, List.of(
                Map.of(), Map.of("region", "eu-west"), Map.of("region", "eu-west", "tier", "gold"),
                Map.of("region", "eu-west", "tier", "silver"), Map.of("region", "eu-", "tier", "bronze"),
                Map.of("region", "us-east"), Map.of("region", "us-east", "tier", "gold"),
                Map.of("region", "us-west", "tier", "x"), Map.of("region", "us-north", "tier", "x"),
                Map.of("audit", "false"), Map.of("audit", "no", "region", "eu-1", "tier", "gold"),
                Map.of("audit", "yes", "region", "us-east", "tier", "x"), Map.of("audit", "false", "region", "apac"),
                Map.of("region", "apac"), Map.of("region", "EU-west", "tier", "gold"),
                Map.of("audit", "nope", "region", "eu-x", "tier", "silver"), Map.of("tier", "gold"),
                Map.of("audit", "false", "tier", "gold"), Map.of("audit", "false", "region", "eu-a", "tier", "gold"),
                Map.of("region", "us-eastern", "tier", "gold"), Map.of("region", "us-east", "tier", ""),
                Map.of("audit", "false", "region", "")));
        c.put(REGEX, List.of(
                Map.of(), Map.of("instance", "host-1"), Map.of("instance", "host-12"), Map.of("instance", "host-"),
                Map.of("instance", "myhost-1"), Map.of("instance", "host-1x"), Map.of("instance", "db"),
                Map.of("instance", "dbx"), Map.of("instance", "cache"), Map.of("path", "/api/users", "code", "500"),
                Map.of("path", "/api/users", "code", "200"), Map.of("path", "/api/users"),
                Map.of("path", "/apix", "code", "500"), Map.of("path", "x/api/y", "code", "500"),
                Map.of("msg", "a, b"), Map.of("msg", "a,b"), Map.of("quote", "say \"hi\""),
                Map.of("quote", "say hi"), Map.of("dot", "abc"), Map.of("dot", "a.c"), Map.of("dot", "ac"),
                Map.of("dot", "abbc"), Map.of("instance", "host-1", "msg", "a, b")));
        c.put(DEEP, List.of(
                Map.of(), Map.of("a", "1"), Map.of("a", "1", "b", "1"), Map.of("a", "1", "b", "1", "c", "1"),
                Map.of("a", "1", "b", "1", "c", "2"), Map.of("a", "1", "b", "1", "c", "2", "d", "1"),
                Map.of("a", "1", "b", "1", "d", "1"), Map.of("a", "1", "b", "2"), Map.of("a", "1", "b", "3"),
                Map.of("a", "2"), Map.of("a", "2", "x", "1"), Map.of("a", "3"), Map.of("a", "3", "x", "1"),
                Map.of("x", "1"), Map.of("a", "4", "x", "1"), Map.of("a", "1", "x", "1"),
                Map.of("a", "1", "b", "1", "c", "3", "d", "1"), Map.of("a", "1", "b", "2", "c", "1"),
                Map.of("b", "1", "c", "1"), Map.of("a", "2", "b", "1", "c", "1"), Map.of("a", "1", "b", "1", "c", "1", "x", "1"),
                Map.of("a", "11")));
        c.put(INHERIT, List.of(
                Map.of(), Map.of("cluster", "prod-1"), Map.of("cluster", "prod-"), Map.of("cluster", "prod-1",
                "owner", "sre"), Map.of("cluster", "prod-1", "owner", "sre", "severity", "info"),
                Map.of("cluster", "prod-1", "owner", "", "severity", "critical"),
                Map.of("cluster", "prod-1", "severity", "critical"), Map.of("owner", "sre"),
                Map.of("owner", "sre", "severity", "debug"), Map.of("owner", "sre", "severity", "warning"),
                Map.of("cluster", "dev", "owner", "sre"), Map.of("cluster", "prod-2", "owner", "team-a",
                "severity", "critical")));
        return c;
    }

    @Test
    void receiversEqualAmtoolsForEveryCase(@TempDir Path dir) throws IOException {
        Amtool amtool = Amtool.locate();
        List<String> disagreements = new ArrayList<>();
        int total = 0;
        int n = 0;
        for (var e : cases().entrySet()) {
            Path file = Files.writeString(dir.resolve("config" + (n++) + ".yml"), e.getKey());
            Routing routing = Routing.of(AlertmanagerYaml.read(e.getKey()));
            for (Map<String, String> labels : e.getValue()) {
                total++;
                CommandResult result = amtool.routesTest(file, labels);
                String expected = result.stdout().strip();
                String ours = routing.receiversLine(labels);
                if (!expected.equals(ours) || !result.succeeded()) {
                    disagreements.add(file.getFileName() + " " + labels + ": amtool '" + expected + "', ours '"
                            + ours + "'");
                }
            }
        }
        assertThat(disagreements).as("cases where our receivers differ from amtool's").isEmpty();
        assertThat(total).isGreaterThanOrEqualTo(100);
    }

    @Test
    void treeEqualsAmtoolsRoutesShow(@TempDir Path dir) throws IOException {
        Amtool amtool = Amtool.locate();
        int n = 0;
        for (String config : List.of(TEAMS, CONTINUES, REGEX, DEEP, INHERIT)) {
            Path file = Files.writeString(dir.resolve("show" + (n++) + ".yml"), config);
            CommandResult result = amtool.run("config", "routes", "show", "--config.file=" + file);
            String ours = Routing.of(AlertmanagerYaml.read(config)).tree();
            assertThat(ours).isEqualTo(result.stdout());
        }
    }
}
