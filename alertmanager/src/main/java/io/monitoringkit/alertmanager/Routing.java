package io.monitoringkit.alertmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Alertmanager's routing, evaluated in-process: which routes, and so which receivers, an alert with given
 * labels reaches. Gives the same answer as {@code amtool config routes test}: depth first, a route matches when
 * all its matchers do (a missing label has the empty value, regexes are fully anchored), matching stops after
 * the first matching child unless that child has {@code continue: true}, and a route none of whose children
 * matched takes the alert itself. Receivers are listed once per matching route (so a receiver may appear twice,
 * as amtool prints it).
 *
 * <p><b>AlertmanagerConfig resources:</b> the Prometheus Operator adds a {@code namespace="<ns>"} matcher to
 * every route of an {@code AlertmanagerConfig} custom resource (and nests them under the global
 * configuration's root). Routing a resource's routes here with {@link #of(AlertmanagerConfig)} ignores that
 * matcher: include the {@code namespace} label in the alert (alerts from that namespace) when testing the
 * configuration the operator generates, or use {@link AlertmanagerConfigResource#operatorView()}.
 *
 * <pre>{@code
 * Routing routing = Routing.of(config);
 * routing.receivers(Map.of("team", "db", "severity", "critical"));   // [db-pager, audit]
 * System.out.print(routing.tree());                                   // like amtool config routes show
 * }</pre>
 */
public final class Routing {
    private final Node root;

    /**
     * One matched route: its position in the tree and its effective receiver (inherited when unset).
     *
     * @param path     the route's field path, e.g. {@code route.routes[1].routes[0]}
     * @param receiver the receiver the alert goes to through this route
     * @param route    the route itself
     */
    public record Match(String path, String receiver, Route route) {
    }

    private record Node(String path, Route route, String receiver, List<Matcher> matchers, List<Node> children) {
        boolean matches(Map<String, String> labels) {
            for (Matcher m : matchers) {
                if (!m.matches(labels)) {
                    return false;
                }
            }
            return true;
        }
    }

    private Routing(Node root) {
        this.root = root;
    }

    /**
     * The routing of {@code config}.
     *
     * @throws IllegalArgumentException when the configuration has no route or an invalid matcher (validate it
     *                                  first)
     */
    public static Routing of(AlertmanagerConfig config) {
        Route route = config.route().orElseThrow(() -> new IllegalArgumentException("the configuration has no route"));
        return new Routing(node("route", route, route.receiver().orElse("")));
    }

    private static Node node(String path, Route r, String inherited) {
        String receiver = r.receiver().filter(s -> !s.isEmpty()).orElse(inherited);
        List<Node> children = new ArrayList<>();
        for (int i = 0; i < r.routes().size(); i++) {
            children.add(node(path + ".routes[" + i + "]", r.routes().get(i), receiver));
        }
        return new Node(path, r, receiver, r.allMatchers(), List.copyOf(children));
    }

    /** The routes an alert with {@code labels} reaches, in order. */
    public List<Match> match(Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        List<Match> out = new ArrayList<>();
        // Like Alertmanager, the root's matchers are not consulted (the root has none).
        collect(root, labels, out);
        return List.copyOf(out);
    }

    private static boolean collect(Node n, Map<String, String> labels, List<Match> out) {
        int before = out.size();
        for (Node child : n.children) {
            if (!child.matches(labels)) {
                continue;
            }
            collect(child, labels, out);
            if (!child.route.continueMatching()) {
                break;
            }
        }
        if (out.size() == before) {
            out.add(new Match(n.path, n.receiver, n.route));
        }
        return true;
    }

    /** The receivers an alert with {@code labels} is sent to, one per matched route, in order. */
    public List<String> receivers(Map<String, String> labels) {
        return match(labels).stream().map(Match::receiver).toList();
    }

    /** {@link #receivers(Map)} joined with commas, as {@code amtool config routes test} prints it. */
    public String receiversLine(Map<String, String> labels) {
        return String.join(",", receivers(labels));
    }

    /**
     * The tree as {@code amtool config routes show} prints it: a heading, one line per route with its sorted
     * matchers ({@code default-route} when it has none; continuation bars are followed by two no-break spaces, as amtool's tree printer writes them), {@code continue: true} and its receiver.
     */
    public String tree() {
        StringBuilder sb = new StringBuilder("Routing tree:\n.\n");
        print(sb, root, "", true);
        return sb.append('\n').toString();
    }

    private static void print(StringBuilder sb, Node n, String indent, boolean last) {
        sb.append(indent).append(last ? "└── " : "├── ");
        if (n.matchers.isEmpty()) {
            sb.append("default-route");
        } else {
            sb.append(n.matchers.stream().map(Matcher::toString).collect(Collectors.joining(",", "{", "}")));
        }
        if (n.route.continueMatching()) {
            sb.append("  continue: true");
        }
        sb.append("  receiver: ").append(n.receiver).append('\n');
        String childIndent = indent + (last ? "    " : "│\u00a0\u00a0 ");
        for (int i = 0; i < n.children.size(); i++) {
            print(sb, n.children.get(i), childIndent, i == n.children.size() - 1);
        }
    }
}
