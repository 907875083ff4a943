package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.template.internal.Node.BranchNode;
import io.monitoringkit.template.internal.Node.ChainNode;
import io.monitoringkit.template.internal.Node.CommandNode;
import io.monitoringkit.template.internal.Node.FieldNode;
import io.monitoringkit.template.internal.Node.IdentifierNode;
import io.monitoringkit.template.internal.Node.ListNode;
import io.monitoringkit.template.internal.Node.NumberNode;
import io.monitoringkit.template.internal.Node.PipeNode;
import io.monitoringkit.template.internal.Node.StringNode;
import io.monitoringkit.template.internal.Node.TemplateNode;
import io.monitoringkit.template.internal.Node.VariableNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks for templates Prometheus accepts but that fail or mislead when rendered: calls of undefined templates,
 * literal regular expressions or durations that do not parse, and comparisons of the float {@code $value} with an
 * integer literal (Go refuses to compare float64 with int).
 */
public final class Lint {

    private Lint() {
    }

    /** @param pos char offset @param message the warning */
    public record Warning(int pos, String message) {
    }

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "lt", "le", "gt", "ge");

    /** @return the warnings for a parsed template. */
    public static List<Warning> check(Parser.Parsed parsed) {
        List<Warning> out = new ArrayList<>();
        for (ListNode root : parsed.trees().values()) {
            walk(root, parsed, out);
        }
        return out;
    }

    private static void walk(Node n, Parser.Parsed parsed, List<Warning> out) {
        if (n instanceof ListNode l) {
            l.nodes().forEach(c -> walk(c, parsed, out));
        } else if (n instanceof Node.ActionNode a) {
            walk(a.pipe(), parsed, out);
        } else if (n instanceof BranchNode b) {
            walk(b.pipe(), parsed, out);
            walk(b.list(), parsed, out);
            b.elseList().ifPresent(e -> walk(e, parsed, out));
        } else if (n instanceof TemplateNode t) {
            if (!parsed.trees().containsKey(t.name())) {
                out.add(new Warning(t.pos(), "template " + GoStrings.quote(t.name())
                        + " not defined: rendering fails"));
            }
            t.pipe().ifPresent(p -> walk(p, parsed, out));
        } else if (n instanceof PipeNode p) {
            p.cmds().forEach(c -> walk(c, parsed, out));
        } else if (n instanceof ChainNode c) {
            walk(c.node(), parsed, out);
        } else if (n instanceof CommandNode c) {
            c.args().forEach(a -> walk(a, parsed, out));
            if (c.args().get(0) instanceof IdentifierNode id) {
                checkCall(id.name(), c.args().subList(1, c.args().size()), out);
            }
        }
    }

    private static void checkCall(String fn, List<Node> args, List<Warning> out) {
        if ((fn.equals("match") || fn.equals("reReplaceAll")) && !args.isEmpty()
                && args.get(0) instanceof StringNode s) {
            try {
                GoRegex.compile(s.text());
            } catch (GoRegex.RegexError e) {
                out.add(new Warning(s.pos(), fn + ": " + e.getMessage()));
            }
        }
        if (fn.equals("parseDuration") && !args.isEmpty() && args.get(0) instanceof StringNode s) {
            try {
                Functions.parseDuration(s.text());
            } catch (Func.FuncException e) {
                out.add(new Warning(s.pos(), "parseDuration: " + e.getMessage()));
            }
        }
        if (COMPARISONS.contains(fn)) {
            boolean value = args.stream().anyMatch(Lint::isValue);
            for (Node a : args) {
                if (value && a instanceof NumberNode num && isIntLiteral(num)) {
                    out.add(new Warning(num.pos(), fn + " compares the float $value with the integer " + num.text()
                            + ", which fails with \"incompatible types for comparison\"; write " + num.text()
                            + ".0"));
                }
            }
        }
    }

    private static boolean isValue(Node n) {
        return (n instanceof VariableNode v && v.ident().equals(List.of("$value")))
                || (n instanceof FieldNode f && f.ident().equals(List.of("Value")));
    }

    private static boolean isIntLiteral(NumberNode n) {
        String t = n.text();
        boolean hex = t.startsWith("0x") || t.startsWith("0X");
        return t.charAt(0) == '\'' || (n.isInt() && (hex || !(t.contains(".") || t.contains("e") || t.contains("E"))));
    }
}
