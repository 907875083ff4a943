package io.monitoringkit.alertmanager.internal;

import io.monitoringkit.alertmanager.AlertmanagerConfig;
import io.monitoringkit.alertmanager.ConfigProblem;
import io.monitoringkit.alertmanager.GlobalConfig;
import io.monitoringkit.alertmanager.InhibitRule;
import io.monitoringkit.alertmanager.Matcher;
import io.monitoringkit.alertmanager.NotifierConfig;
import io.monitoringkit.alertmanager.NotifierType;
import io.monitoringkit.alertmanager.Receiver;
import io.monitoringkit.alertmanager.Route;
import io.monitoringkit.alertmanager.TimeInterval;
import io.monitoringkit.alertmanager.TimePeriod;
import io.monitoringkit.model.PromDuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of {@code amtool check-config} (Alertmanager 0.25's {@code config.Load}), all of them, each
 * problem with its field path; messages follow Alertmanager's wording but never quote secret values.
 */
public final class ConfigValidator {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern CLOCK = Pattern.compile("(([01][0-9])|(2[0-3])):[0-5][0-9]|24:00");
    private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    private static final List<String> GLOBAL_URLS = List.of("slack_api_url", "pagerduty_url", "opsgenie_api_url",
            "wechat_api_url", "victorops_api_url", "telegram_api_url", "webex_api_url");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final AlertmanagerConfig config;
    private final Set<String> receiverNames = new HashSet<>();
    private final Set<String> intervalNames = new HashSet<>();

    private ConfigValidator(AlertmanagerConfig config) {
        this.config = config;
    }

    /** All problems of {@code config}, in document order. */
    public static List<ConfigProblem> validate(AlertmanagerConfig config) {
        ConfigValidator v = new ConfigValidator(config);
        v.run();
        return List.copyOf(v.problems);
    }

    private void add(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    private void run() {
        config.global().ifPresent(this::global);
        for (int i = 0; i < config.receivers().size(); i++) {
            receiver("receivers[" + i + "]", config.receivers().get(i));
        }
        for (int i = 0; i < config.inhibitRules().size(); i++) {
            inhibitRule("inhibit_rules[" + i + "]", config.inhibitRules().get(i));
        }
        intervals("mute_time_intervals", config.muteTimeIntervals());
        intervals("time_intervals", config.timeIntervals());
        for (int i = 0; i < config.templates().size(); i++) {
            String t = config.templates().get(i);
            if (!isValidGlob(t)) {
                add("templates[" + i + "]", "syntax error in pattern: \"" + t + "\"");
            }
        }
        Optional<Route> root = config.route();
        if (root.isEmpty()) {
            add("route", "no routes provided");
            return;
        }
        Route r = root.get();
        if (r.receiver().isEmpty() || r.receiver().get().isEmpty()) {
            add("route.receiver", "root route must specify a default receiver");
        }
        if (!r.match().isEmpty() || !r.matchRe().isEmpty() || !r.matchers().isEmpty()) {
            add("route", "root route must not have any matchers");
        }
        if (r.continueMatching()) {
            add("route.continue", "cannot have continue in root route");
        }
        if (!r.muteTimeIntervals().isEmpty()) {
            add("route.mute_time_intervals", "root route must not have any mute time intervals");
        }
        if (!r.activeTimeIntervals().isEmpty()) {
            add("route.active_time_intervals", "root route must not have any active time intervals");
        }
        route("route", r);
    }

    // ---------------------------------------------------------------- global

    private void global(GlobalConfig g) {
        Object http = g.fields().get("http_config");
        if (http != null) {
            httpConfig("global.http_config", http);
        }
        g.text("resolve_timeout").ifPresent(d -> duration("global.resolve_timeout", d));
        for (String f : GLOBAL_URLS) {
            g.text(f).ifPresent(u -> url("global." + f, u, GlobalConfig.isSecret(f)));
        }
        g.text("smtp_smarthost").filter(s -> !s.isEmpty()).ifPresent(s -> hostPort("global.smtp_smarthost", s));
        if (g.has("slack_api_url") && g.has("slack_api_url_file")) {
            add("global", "at most one of slack_api_url & slack_api_url_file must be configured");
        }
        if (g.has("opsgenie_api_key") && g.has("opsgenie_api_key_file")) {
            add("global", "at most one of opsgenie_api_key & opsgenie_api_key_file must be configured");
        }
    }

    private String globalText(String field) {
        return config.global().flatMap(g -> g.text(field)).orElse("");
    }

    // ---------------------------------------------------------------- receivers

    private void receiver(String path, Receiver r) {
        if (r.name().isEmpty()) {
            add(path + ".name", "missing name in receiver");
        } else if (!receiverNames.add(r.name())) {
            add(path + ".name", "notification config name \"" + r.name() + "\" is not unique");
        }
        Map<NotifierType, Integer> counters = new java.util.EnumMap<>(NotifierType.class);
        for (NotifierConfig n : r.notifiers()) {
            int index = counters.merge(n.type(), 1, Integer::sum) - 1;
            notifier(path + "." + n.type().key() + "[" + index + "]", n);
        }
    }

    /** The {@code http_config} keys of Prometheus' common library as Alertmanager 0.25 vendors it. */
    private static final Set<String> HTTP_CONFIG_KEYS = Set.of("basic_auth", "authorization", "oauth2",
            "bearer_token", "bearer_token_file", "tls_config", "proxy_url", "proxy_connect_header",
            "follow_redirects", "enable_http2");

    private void httpConfig(String path, Object value) {
        if (!(value instanceof Map<?, ?> http)) {
            add(path, "expected a mapping");
            return;
        }
        for (Object key : http.keySet()) {
            if (!HTTP_CONFIG_KEYS.contains(String.valueOf(key))) {
                add(path + "." + key, "unknown field \"" + key + "\"");
            }
        }
        boolean basic = http.containsKey("basic_auth");
        boolean oauth2 = http.containsKey("oauth2");
        boolean bearer = http.containsKey("bearer_token");
        boolean bearerFile = http.containsKey("bearer_token_file");
        boolean authorization = http.containsKey("authorization");
        int auth = (basic ? 1 : 0) + (oauth2 ? 1 : 0) + (bearer ? 1 : 0) + (bearerFile ? 1 : 0);
        if (auth > 1) {
            add(path, "at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured");
        } else if (bearer && bearerFile) {
            add(path, "at most one of bearer_token & bearer_token_file must be configured");
        }
        if (authorization && (bearer || bearerFile)) {
            add(path, "authorization is not compatible with bearer_token & bearer_token_file");
        } else if (authorization && (basic || oauth2)) {
            add(path, "at most one of basic_auth, oauth2 & authorization must be configured");
        }
        if (http.get("basic_auth") instanceof Map<?, ?> ba && ba.containsKey("password")
                && ba.containsKey("password_file")) {
            add(path + ".basic_auth", "at most one of basic_auth password & password_file must be configured");
        }
        if (http.containsKey("proxy_connect_header") && !http.containsKey("proxy_url")) {
            add(path, "if proxy_connect_header is configured proxy_url must also be configured");
        }
    }

    private void notifier(String path, NotifierConfig n) {
        Object http = n.fields().get("http_config");
        if (http != null) {
            httpConfig(path + ".http_config", http);
        }
        switch (n.type()) {
            case EMAIL -> {
                if (n.text("to").orElse("").isEmpty()) {
                    add(path + ".to", "missing to address in email config");
                }
                String smarthost = n.text("smarthost").orElse("");
                if (smarthost.isEmpty()) {
                    if (globalText("smtp_smarthost").isEmpty()) {
                        add(path + ".smarthost", "no global SMTP smarthost set");
                    }
                } else {
                    hostPort(path + ".smarthost", smarthost);
                }
                if (n.text("from").orElse("").isEmpty() && globalText("smtp_from").isEmpty()) {
                    add(path + ".from", "no global SMTP from set");
                }
            }
            case PAGERDUTY -> {
                if (!nonEmpty(n, "routing_key") && !nonEmpty(n, "service_key") && !nonEmpty(n, "routing_key_file")
                        && !nonEmpty(n, "service_key_file")) {
                    add(path, "missing service or routing key in PagerDuty config");
                }
                n.text("url").ifPresent(u -> url(path + ".url", u, false));
            }
            case WEBHOOK -> {
                Optional<String> url = n.text("url");
                if (url.isEmpty()) {
                    add(path + ".url", "missing URL in webhook config");
                } else {
                    url(path + ".url", url.get(), true);
                }
            }
            case SLACK -> {
                if (n.has("api_url") && n.has("api_url_file")) {
                    add(path, "at most one of api_url & api_url_file must be configured");
                }
                if (!n.has("api_url") && !n.has("api_url_file") && globalText("slack_api_url").isEmpty()
                        && globalText("slack_api_url_file").isEmpty()) {
                    add(path + ".api_url", "no global Slack API URL set either inline or in a file");
                }
                n.text("api_url").ifPresent(u -> url(path + ".api_url", u, true));
            }
            case OPSGENIE -> {
                if (n.has("api_key") && n.has("api_key_file")) {
                    add(path, "api_key and api_key_file are mutually exclusive");
                }
                if (!n.has("api_key") && !n.has("api_key_file") && globalText("opsgenie_api_key").isEmpty()
                        && globalText("opsgenie_api_key_file").isEmpty()) {
                    add(path + ".api_key", "no global OpsGenie API Key set either inline or in a file");
                }
                n.text("api_url").ifPresent(u -> url(path + ".api_url", u, false));
            }
            case MSTEAMS -> {
                // Not in Alertmanager 0.25: monitoring-kit's rules, after Alertmanager 0.26's.
                if (!n.has("webhook_url") && !n.has("webhook_url_file")) {
                    add(path + ".webhook_url", "one of webhook_url or webhook_url_file must be configured");
                }
                if (n.has("webhook_url") && n.has("webhook_url_file")) {
                    add(path, "at most one of webhook_url & webhook_url_file must be configured");
                }
                n.text("webhook_url").ifPresent(u -> url(path + ".webhook_url", u, true));
            }
            case DISCORD -> {
                if (!nonEmpty(n, "webhook_url")) {
                    add(path + ".webhook_url", "no discord webhook URL provided");
                }
            }
            case PUSHOVER -> {
                if (!nonEmpty(n, "user_key")) {
                    add(path + ".user_key", "missing user key in Pushover config");
                }
                if (!nonEmpty(n, "token")) {
                    add(path + ".token", "missing token in Pushover config");
                }
            }
            case SNS -> {
                if (!nonEmpty(n, "target_arn") && !nonEmpty(n, "topic_arn") && !nonEmpty(n, "phone_number")) {
                    add(path, "must provide either a Target ARN, Topic ARN, or Phone Number for SNS config");
                }
            }
            case TELEGRAM -> {
                if (!nonEmpty(n, "bot_token")) {
                    add(path + ".bot_token", "missing bot_token on telegram_config");
                }
                if (!n.has("chat_id") || n.text("chat_id").orElse("0").equals("0")) {
                    add(path + ".chat_id", "missing chat_id on telegram_config");
                }
            }
            case VICTOROPS -> {
                if (!nonEmpty(n, "routing_key")) {
                    add(path + ".routing_key", "missing Routing key in VictorOps config");
                }
                if (!nonEmpty(n, "api_key") && !nonEmpty(n, "api_key_file") && globalText("victorops_api_key").isEmpty()
                        && globalText("victorops_api_key_file").isEmpty()) {
                    add(path + ".api_key", "no global VictorOps API Key set");
                }
            }
            case WEBEX -> {
                if (!nonEmpty(n, "room_id")) {
                    add(path + ".room_id", "missing room_id on webex_config");
                }
                if (!(n.fields().get("http_config") instanceof Map<?, ?> webexHttp) || !webexHttp.containsKey("authorization")) {
                    add(path + ".http_config.authorization", "missing webex_configs.http_config.authorization");
                }
            }
            case WECHAT -> {
                if (!nonEmpty(n, "api_secret") && globalText("wechat_api_secret").isEmpty()) {
                    add(path + ".api_secret", "no global Wechat ApiSecret set");
                }
                if (!nonEmpty(n, "corp_id") && globalText("wechat_api_corp_id").isEmpty()) {
                    add(path + ".corp_id", "no global Wechat CorpID set");
                }
            }
            default -> throw new IllegalStateException("unhandled notifier type " + n.type());
        }
    }

    private static boolean nonEmpty(NotifierConfig n, String field) {
        return !n.text(field).orElse("").isEmpty();
    }

    // ---------------------------------------------------------------- routes

    private void route(String path, Route r) {
        r.receiver().filter(name -> !name.isEmpty() && !receiverNames.contains(name))
                .ifPresent(name -> add(path + ".receiver", "undefined receiver \"" + name + "\" used in route"));
        labelMap(path + ".match", r.match(), false);
        labelMap(path + ".match_re", r.matchRe(), true);
        matcherList(path + ".matchers", r.matchers());
        r.groupBy().ifPresent(groupBy -> {
            if (groupBy.contains("...") && groupBy.size() > 1) {
                add(path + ".group_by", "cannot have wildcard group_by (`...`) and other other labels at the same time");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < groupBy.size(); i++) {
                String l = groupBy.get(i);
                if (l.equals("...")) {
                    continue;
                }
                if (!LABEL_NAME.matcher(l).matches()) {
                    add(path + ".group_by[" + i + "]", "invalid label name \"" + l + "\" in group_by list");
                } else if (!seen.add(l)) {
                    add(path + ".group_by[" + i + "]", "duplicated label \"" + l + "\" in group_by");
                }
            }
        });
        r.groupWait().ifPresent(d -> duration(path + ".group_wait", d));
        r.groupInterval().ifPresent(d -> {
            if (duration(path + ".group_interval", d) && PromDuration.parse(d).isZero()) {
                add(path + ".group_interval", "group_interval cannot be zero");
            }
        });
        r.repeatInterval().ifPresent(d -> {
            if (duration(path + ".repeat_interval", d) && PromDuration.parse(d).isZero()) {
                add(path + ".repeat_interval", "repeat_interval cannot be zero");
            }
        });
        intervalRefs(path + ".mute_time_intervals", r.muteTimeIntervals());
        intervalRefs(path + ".active_time_intervals", r.activeTimeIntervals());
        for (int i = 0; i < r.routes().size(); i++) {
            route(path + ".routes[" + i + "]", r.routes().get(i));
        }
    }

    private void intervalRefs(String path, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!intervalNames.contains(names.get(i))) {
                add(path + "[" + i + "]", "undefined time interval \"" + names.get(i) + "\" used in route");
            }
        }
    }

    private void labelMap(String path, Map<String, String> map, boolean regex) {
        map.forEach((name, value) -> {
            if (!LABEL_NAME.matcher(name).matches()) {
                add(path + "." + name, "invalid label name \"" + name + "\"");
            }
            if (regex) {
                AmRegex.problem("^(?:" + value + ")$").ifPresent(p -> add(path + "." + name, p));
            }
        });
    }

    private void matcherList(String path, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            try {
                Matcher.parseList(entries.get(i));
            } catch (IllegalArgumentException e) {
                add(path + "[" + i + "]", e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- inhibit rules

    private void inhibitRule(String path, InhibitRule rule) {
        labelMap(path + ".source_match", rule.sourceMatch(), false);
        labelMap(path + ".source_match_re", rule.sourceMatchRe(), true);
        matcherList(path + ".source_matchers", rule.sourceMatchers());
        labelMap(path + ".target_match", rule.targetMatch(), false);
        labelMap(path + ".target_match_re", rule.targetMatchRe(), true);
        matcherList(path + ".target_matchers", rule.targetMatchers());
        for (int i = 0; i < rule.equal().size(); i++) {
            String l = rule.equal().get(i);
            if (!LABEL_NAME.matcher(l).matches()) {
                add(path + ".equal[" + i + "]", "\"" + l + "\" is not a valid label name");
            }
        }
    }

    // ---------------------------------------------------------------- time intervals

    private void intervals(String path, List<TimeInterval> list) {
        for (int i = 0; i < list.size(); i++) {
            TimeInterval ti = list.get(i);
            String p = path + "[" + i + "]";
            if (ti.name().isEmpty()) {
                add(p + ".name", "missing name in time interval");
            } else if (!intervalNames.add(ti.name())) {
                add(p + ".name", "time interval \"" + ti.name() + "\" is not unique");
            }
            for (int j = 0; j < ti.periods().size(); j++) {
                period(p + ".time_intervals[" + j + "]", ti.periods().get(j));
            }
        }
    }

    private void period(String path, TimePeriod p) {
        for (int i = 0; i < p.times().size(); i++) {
            TimePeriod.TimeRange t = p.times().get(i);
            String tp = path + ".times[" + i + "]";
            if (t.start().isEmpty() || t.end().isEmpty()) {
                add(tp, "both start and end times must be provided");
                continue;
            }
            boolean ok = true;
            for (String s : List.of(t.start(), t.end())) {
                if (!CLOCK.matcher(s).matches()) {
                    add(tp, "couldn't parse timestamp " + s + ", invalid format");
                    ok = false;
                    break;
                }
            }
            if (ok && minutes(t.start()) >= minutes(t.end())) {
                add(tp, "start time cannot be equal or greater than end time");
            }
        }
        ranges(path + ".weekdays", p.weekdays(), Kind.WEEKDAY);
        ranges(path + ".days_of_month", p.daysOfMonth(), Kind.DAY);
        ranges(path + ".months", p.months(), Kind.MONTH);
        ranges(path + ".years", p.years(), Kind.YEAR);
        p.location().ifPresent(loc -> {
            if (!loc.equals("Local") && !loc.equals("UTC") && !loc.isEmpty()) {
                try {
                    if (!loc.contains("/") && !ZoneId.SHORT_IDS.containsKey(loc) && !ZoneId.getAvailableZoneIds().contains(loc)) {
                        throw new DateTimeException(loc);
                    }
                    ZoneId.of(loc);
                } catch (DateTimeException e) {
                    add(path + ".location", "unknown time zone " + loc);
                }
            }
        });
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    private enum Kind { WEEKDAY, DAY, MONTH, YEAR }

    private void ranges(String path, List<String> values, Kind kind) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String p = path + "[" + i + "]";
            String[] parts = v.split(":", -1);
            if (parts.length > 2) {
                add(p, "couldn't parse range " + v + ", invalid format");
                continue;
            }
            String startText = parts[0];
            String endText = parts.length == 2 ? parts[1] : parts[0];
            try {
                switch (kind) {
                    case WEEKDAY -> {
                        int s = weekday(startText);
                        int e = weekday(endText);
                        if (s > e) {
                            add(p, "start day cannot be before end day");
                        }
                    }
                    case DAY -> {
                        int s = atoi(startText);
                        int e = atoi(endText);
                        for (int d : new int[] {s, e}) {
                            if (d == 0 || d > 31 || d < -31) {
                                throw new IllegalArgumentException(d + " is not a valid day of the month: out of range");
                            }
                        }
                        if (s < 0 && e > 0) {
                            add(p, "end day must be negative if start day is negative");
                        } else if ((s > 0) == (e > 0) && e < s) {
                            add(p, "end day " + e + " is always before start day " + s);
                        }
                    }
                    case MONTH -> {
                        int s = month(startText);
                        int e = month(endText);
                        if (e < s) {
                            add(p, "end month " + endText + " is before start month " + startText);
                        }
                    }
                    case YEAR -> {
                        int s = atoi(startText);
                        int e = atoi(endText);
                        if (e < s) {
                            add(p, "end year " + e + " is before start year " + s);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            } catch (IllegalArgumentException e) {
                add(p, e.getMessage());
            }
        }
    }

    private static int weekday(String s) {
        int i = WEEKDAYS.indexOf(s.toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException(s + " is not a valid weekday");
        }
        return i;
    }

    private static int month(String s) {
        int i = MONTHS.indexOf(s.toLowerCase(Locale.ROOT));
        if (i >= 0) {
            return i + 1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s + " is not a valid month");
        }
    }

    private static int atoi(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + s + "\": invalid syntax");
        }
    }

    // ---------------------------------------------------------------- scalars

    private boolean duration(String path, String text) {
        if (!PromDuration.isValid(text)) {
            add(path, "not a valid duration string: \"" + text + "\"");
            return false;
        }
        return true;
    }

    private void url(String path, String text, boolean secret) {
        String shown = secret ? "" : " \"" + text + "\"";
        java.util.regex.Matcher emptyHost = Pattern.compile("(?i)(https?)://([^/?#]*@)?([/?#].*)?").matcher(text);
        if (emptyHost.matches()) {
            add(path, "missing host for URL");
            return;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            add(path, "invalid URL" + shown + (secret ? "" : ": " + e.getReason()));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            add(path, "unsupported scheme \"" + scheme + "\" for URL");
        } else if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()
                || uri.getRawAuthority().replaceFirst("^.*@", "").isEmpty()) {
            add(path, "missing host for URL");
        }
    }

    private void hostPort(String path, String text) {
        String host = text;
        int colon = text.lastIndexOf(':');
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                add(path, "address " + text + ": missing ']' in address");
                return;
            }
            if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                add(path, "address " + text + ": missing port in address");
            }
            return;
        }
        if (colon < 0) {
            add(path, "address " + host + ": missing port in address");
        } else if (text.indexOf(':') != colon) {
            add(path, "address " + text + ": too many colons in address");
        }
    }

    private static boolean isValidGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    return false;
                }
                i++;
            } else if (c == '[') {
                int j = i + 1;
                if (j < pattern.length() && pattern.charAt(j) == '^') {
                    j++;
                }
                if (j < pattern.length() && pattern.charAt(j) == ']') {
                    return false;
                }
                int close = pattern.indexOf(']', j);
                if (close < 0) {
                    return false;
                }
                i = close;
            }
        }
        return true;
    }
}
