package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;
import io.monitoringkit.template.internal.Func.FuncException;
import io.monitoringkit.template.internal.Func.PType;
import io.monitoringkit.template.internal.GoValues.AlertData;
import io.monitoringkit.template.internal.GoValues.GoMap;
import io.monitoringkit.template.internal.GoValues.QueryResult;
import io.monitoringkit.template.internal.GoValues.Sample;
import io.monitoringkit.template.internal.Node.BoolNode;
import io.monitoringkit.template.internal.Node.BranchKind;
import io.monitoringkit.template.internal.Node.BranchNode;
import io.monitoringkit.template.internal.Node.BreakNode;
import io.monitoringkit.template.internal.Node.ChainNode;
import io.monitoringkit.template.internal.Node.CommandNode;
import io.monitoringkit.template.internal.Node.CommentNode;
import io.monitoringkit.template.internal.Node.ContinueNode;
import io.monitoringkit.template.internal.Node.DotNode;
import io.monitoringkit.template.internal.Node.FieldNode;
import io.monitoringkit.template.internal.Node.IdentifierNode;
import io.monitoringkit.template.internal.Node.ListNode;
import io.monitoringkit.template.internal.Node.NilNode;
import io.monitoringkit.template.internal.Node.NumberNode;
import io.monitoringkit.template.internal.Node.PipeNode;
import io.monitoringkit.template.internal.Node.StringNode;
import io.monitoringkit.template.internal.Node.TemplateNode;
import io.monitoringkit.template.internal.Node.TextNode;
import io.monitoringkit.template.internal.Node.VariableNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Executes parsed templates with text/template's semantics (option {@code missingkey=zero}, as Prometheus). */
public final class Executor {

    /** The maximum nesting of {@code template} calls (Go allows 100000; the JVM stack allows less). */
    static final int MAX_DEPTH = 1000;

    /** An execution failure, with Go's location and context. */
    public static final class ExecError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final String executing;
        private final int line;
        private final int byteColumn;
        private final int pos;
        private final String context;

        ExecError(String message, String reason, String executing, int line, int byteColumn, int pos, String context) {
            super(message, null, false, false);
            this.reason = reason;
            this.executing = executing;
            this.line = line;
            this.byteColumn = byteColumn;
            this.pos = pos;
            this.context = context;
        }

        /** @return the cause, e.g. "error calling eq: incompatible types for comparison". */
        public String reason() {
            return reason;
        }

        /** @return the name of the (possibly {@code define}d) template being executed. */
        public String executing() {
            return executing;
        }

        /** @return the 1-based line. */
        public int line() {
            return line;
        }

        /** @return Go's column: the 0-based byte offset within the line. */
        public int byteColumn() {
            return byteColumn;
        }

        /** @return the char offset in the text. */
        public int pos() {
            return pos;
        }

        /** @return the node being executed, as Go prints it. */
        public String context() {
            return context;
        }
    }

    private static final Object MISSING = new Object();

    private static final class Break extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Continue() {
            super(null, null, false, false);
        }
    }

    private record Var(String name, Object value) {
    }

    private final Parser.Parsed parsed;
    private final Map<String, Func> funcs;
    private final StringBuilder out;
    private String tmplName;
    private Node node;
    private List<Var> vars = new ArrayList<>();
    private int depth;

    private Executor(Parser.Parsed parsed, Map<String, Func> funcs, StringBuilder out) {
        this.parsed = parsed;
        this.funcs = funcs;
        this.out = out;
    }

    /**
     * Executes the top-level template.
     *
     * @param parsed the parsed text
     * @param dot the data
     * @param predeclared values of the predeclared variables, in declaration order
     * @param funcs the functions by name
     * @return the output
     * @throws ExecError when execution fails
     */
    public static String execute(Parser.Parsed parsed, Object dot, Map<String, Object> predeclared,
                                 Map<String, Func> funcs) {
        StringBuilder out = new StringBuilder();
        Executor s = new Executor(parsed, funcs, out);
        s.tmplName = parsed.name();
        s.vars.add(new Var("$", dot));
        predeclared.forEach((k, v) -> s.vars.add(new Var(k, v)));
        ListNode root = parsed.trees().get(parsed.name());
        try {
            s.walk(dot, root);
        } catch (StackOverflowError e) {
            throw s.errorf("exceeded maximum template depth: the JVM stack is exhausted");
        }
        return out.toString();
    }

    // ---- errors

    private ExecError errorf(String reason) {
        if (node == null) {
            String msg = "template: " + tmplName + ": " + reason;
            return new ExecError(msg, reason, tmplName, 1, 0, 0, "");
        }
        String text = parsed.text();
        int pos = Math.min(node.pos(), text.length());
        String before = text.substring(0, pos);
        int nl = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int byteCol = before.substring(nl + 1).getBytes(StandardCharsets.UTF_8).length;
        String context = node.toString();
        String msg = "template: " + parsed.name() + ":" + line + ":" + byteCol + ": executing "
                + GoStrings.quote(tmplName) + " at <" + context + ">: " + reason;
        return new ExecError(msg, reason, tmplName, line, byteCol, pos, context);
    }

    private void at(Node n) {
        node = n;
    }

    // ---- variables

    private int mark() {
        return vars.size();
    }

    private void pop(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    private void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                vars.set(i, new Var(name, value));
                return;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Var(vars.get(i).name(), value));
    }

    private Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                return vars.get(i).value();
            }
        }
        throw errorf("undefined variable: " + name);
    }

    // ---- walking

    private void walk(Object dot, Node n) {
        at(n);
        if (n instanceof Node.ActionNode a) {
            Object val = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                printValue(a, val);
            }
        } else if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                walk(dot, c);
            }
        } else if (n instanceof TextNode t) {
            out.append(t.text());
        } else if (n instanceof BranchNode b) {
            if (b.kind() == BranchKind.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof BreakNode) {
            throw new Break();
        } else if (n instanceof ContinueNode) {
            throw new Continue();
        } else if (!(n instanceof CommentNode)) {
            throw errorf("unknown node: " + n);
        }
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, b.pipe());
            if (GoValues.isTrue(val)) {
                walk(b.kind() == BranchKind.WITH ? val : dot, b.list());
            } else if (b.elseList().isPresent()) {
                walk(dot, b.elseList().get());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outer = mark();
        try {
            Object val = evalPipeline(dot, r.pipe());
            int mark = mark();
            boolean ran = false;
            if (val instanceof QueryResult q) {
                List<Sample> samples = q.samples();
                for (int i = 0; i < samples.size(); i++) {
                    ran = true;
                    if (oneIteration(r, (long) i, samples.get(i), mark)) {
                        break;
                    }
                }
            } else if (val instanceof GoMap m) {
                for (Map.Entry<String, Object> e : m.entries().entrySet()) {
                    ran = true;
                    if (oneIteration(r, e.getKey(), e.getValue(), mark)) {
                        break;
                    }
                }
            } else if (val instanceof Long n) {
                if (r.pipe().decl().size() > 1) {
                    throw errorf("can't use " + n + " to iterate over more than one variable");
                }
                for (long i = 0; i < n; i++) {
                    ran = true;
                    if (oneIteration(r, i, i, mark)) {
                        break;
                    }
                }
            } else if (val != null) {
                throw errorf("range can't iterate over " + GoFmt.sprint1(val));
            }
            if (!ran && r.elseList().isPresent()) {
                walk(dot, r.elseList().get());
            }
        } finally {
            pop(outer);
        }
    }

    /** @return whether to break */
    private boolean oneIteration(BranchNode r, Object index, Object elem, int mark) {
        PipeNode pipe = r.pipe();
        if (!pipe.decl().isEmpty()) {
            if (pipe.isAssign()) {
                if (pipe.decl().size() > 1) {
                    setVar(pipe.decl().get(0).ident().get(0), index);
                } else {
                    setVar(pipe.decl().get(0).ident().get(0), elem);
                }
            } else {
                setTopVar(1, elem);
            }
        }
        if (pipe.decl().size() > 1) {
            if (pipe.isAssign()) {
                setVar(pipe.decl().get(1).ident().get(0), elem);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(elem, r.list());
        } catch (Continue c) {
            // next iteration
        } catch (Break b) {
            return true;
        } finally {
            pop(mark);
        }
        return false;
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        at(t);
        ListNode tree = parsed.trees().get(t.name());
        if (tree == null) {
            throw errorf("template " + GoStrings.quote(t.name()) + " not defined");
        }
        if (depth >= MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = t.pipe().isPresent() ? evalPipeline(dot, t.pipe().get()) : null;
        String savedName = tmplName;
        List<Var> savedVars = vars;
        depth++;
        tmplName = t.name();
        vars = new ArrayList<>();
        vars.add(new Var("$", newDot));
        try {
            walk(newDot, tree);
        } finally {
            depth--;
            tmplName = savedName;
            vars = savedVars;
        }
    }

    // ---- evaluation

    private Object evalPipeline(Object dot, PipeNode pipe) {
        at(pipe);
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.ident().get(0), value);
            } else {
                vars.add(new Var(v.ident().get(0), value));
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if ((args != null && args.size() > 1) || fin != MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        Node first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            at(f);
            return evalFieldChain(dot, dot, f, f.ident(), cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChainNode(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariableNode(dot, v, cmd.args(), fin);
        }
        at(first);
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw errorf("nil is not a command");
        }
        if (first instanceof NumberNode n) {
            return idealConstant(n);
        }
        if (first instanceof StringNode s) {
            return s.text();
        }
        throw errorf("can't evaluate command " + GoStrings.quote(first.toString()));
    }

    private Object idealConstant(NumberNode c) {
        at(c);
        String t = c.text();
        boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
                && t.indexOf('p') < 0 && t.indexOf('P') < 0;
        boolean runeInt = !t.isEmpty() && t.charAt(0) == '\'';
        if (c.isFloat() && !hexInt && !runeInt && (t.contains(".") || t.contains("e") || t.contains("E")
                || t.contains("p") || t.contains("P"))) {
            return c.floatValue();
        }
        if (c.isInt()) {
            return c.intValue();
        }
        if (c.isUint()) {
            throw errorf(t + " overflows int");
        }
        return null;
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Node> args, Object fin) {
        at(chain);
        if (chain.node() instanceof NilNode) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, PType.ANY, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode v, List<Node> args, Object fin) {
        at(v);
        Object value = varValue(v.ident().get(0));
        if (v.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node n, List<String> ident, List<Node> args,
                                  Object fin) {
        int len = ident.size();
        for (int i = 0; i < len - 1; i++) {
            receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
        }
        return evalField(dot, ident.get(len - 1), n, args, fin, receiver);
    }

    private Object evalField(Object dot, String fieldName, Node n, List<Node> args, Object fin, Object receiver) {
        if (receiver == null) {
            return null;
        }
        String typ = GoValues.typeName(receiver);
        Func method = Methods.lookup(receiver, fieldName);
        if (method != null) {
            return evalCall(dot, method, n, fieldName, args, fin);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
        if (receiver instanceof AlertData d) {
            Object field = switch (fieldName) {
                case "Labels" -> d.labels();
                case "ExternalLabels" -> d.externalLabels();
                case "ExternalURL" -> d.externalUrl();
                case "Value" -> d.value();
                default -> MISSING;
            };
            if (field != MISSING) {
                if (hasArgs) {
                    throw errorf(fieldName + " has arguments but cannot be invoked as function");
                }
                return field;
            }
        } else if (receiver instanceof Sample s) {
            Object field = switch (fieldName) {
                case "Labels" -> s.labels();
                case "Value" -> s.value();
                default -> MISSING;
            };
            if (field != MISSING) {
                if (hasArgs) {
                    throw errorf(fieldName + " has arguments but cannot be invoked as function");
                }
                return field;
            }
        } else if (receiver == GoValues.NIL_SAMPLE) {
            if (fieldName.equals("Labels") || fieldName.equals("Value")) {
                throw errorf("nil pointer evaluating " + typ + "." + fieldName);
            }
        } else if (receiver instanceof GoMap m) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            Object v = m.entries().get(fieldName);
            if (v == null && !m.entries().containsKey(fieldName)) {
                return m.zero();
            }
            return v;
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + typ);
    }

    private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
        at(id);
        Func f = funcs.get(id.name());
        if (f == null) {
            throw errorf(GoStrings.quote(id.name()) + " is not a defined function");
        }
        return evalCall(dot, f, cmd, id.name(), args, fin);
    }

    private Object evalCall(Object dot, Func fun, Node n, String name, List<Node> args, Object fin) {
        List<Node> a = args == null ? List.of() : args.subList(1, args.size());
        int numIn = a.size() + (fin != MISSING ? 1 : 0);
        int numFixed = a.size();
        int nParams = fun.params().size();
        if (fun.variadic() != null) {
            numFixed = nParams;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + nParams + " got " + a.size());
            }
        } else if (numIn != nParams) {
            throw errorf("wrong number of args for " + name + ": want " + nParams + " got " + numIn);
        }
        if (fun.builtin() && (name.equals("and") || name.equals("or"))) {
            Object v = null;
            for (Node arg : a) {
                v = evalArg(dot, PType.VALUE, arg);
                if (GoValues.isTrue(v) == name.equals("or")) {
                    return v;
                }
            }
            if (fin != MISSING) {
                v = fin;
            }
            return v;
        }
        List<Object> argv = new ArrayList<>(numIn);
        int i = 0;
        for (; i < numFixed && i < a.size(); i++) {
            argv.add(evalArg(dot, fun.params().get(i), a.get(i)));
        }
        if (fun.variadic() != null) {
            for (; i < a.size(); i++) {
                argv.add(evalArg(dot, fun.variadic(), a.get(i)));
            }
        }
        if (fin != MISSING) {
            PType t;
            if (fun.variadic() != null && numIn - 1 >= numFixed) {
                t = fun.variadic();
            } else {
                t = fun.params().get(numIn - 1);
            }
            argv.add(validateType(fin, t));
        }
        try {
            return fun.impl().call(argv);
        } catch (FuncException e) {
            at(n);
            throw errorf("error calling " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ExecError || e instanceof Break || e instanceof Continue) {
                throw e;
            }
            at(n);
            throw errorf("error calling " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private Object validateType(Object value, PType typ) {
        if (value == null) {
            if (typ.canBeNil) {
                return typ.zero();
            }
            throw errorf("invalid value; expected " + typ.goName);
        }
        if (!typ.accepts(value)) {
            throw errorf("wrong type for value; expected " + typ.goName + "; got " + GoValues.typeName(value));
        }
        return value;
    }

    private Object evalArg(Object dot, PType typ, Node n) {
        at(n);
        if (n instanceof DotNode) {
            return validateType(dot, typ);
        }
        if (n instanceof NilNode) {
            if (typ.canBeNil) {
                return typ.zero();
            }
            throw errorf("cannot assign nil to " + typ.goName);
        }
        if (n instanceof FieldNode f) {
            at(f);
            return validateType(evalFieldChain(dot, dot, f, f.ident(), List.of(n), MISSING), typ);
        }
        if (n instanceof VariableNode v) {
            return validateType(evalVariableNode(dot, v, null, MISSING), typ);
        }
        if (n instanceof PipeNode p) {
            return validateType(evalPipeline(dot, p), typ);
        }
        if (n instanceof IdentifierNode id) {
            return validateType(evalFunction(dot, id, id, null, MISSING), typ);
        }
        if (n instanceof ChainNode c) {
            return validateType(evalChainNode(dot, c, null, MISSING), typ);
        }
        switch (typ) {
            case STRING:
                if (n instanceof StringNode s) {
                    return s.text();
                }
                throw errorf("expected string; found " + n);
            case FLOAT:
                if (n instanceof NumberNode num && num.isFloat()) {
                    return num.floatValue();
                }
                throw errorf("expected float; found " + n);
            case INT:
                if (n instanceof NumberNode num && num.isInt()) {
                    return num.intValue();
                }
                throw errorf("expected integer; found " + n);
            case ANY:
            case VALUE:
                return evalEmptyInterface(dot, n);
            default:
                throw errorf("can't handle " + n + " for arg of type " + typ.goName);
        }
    }

    private Object evalEmptyInterface(Object dot, Node n) {
        at(n);
        if (n instanceof BoolNode b) {
            return b.value();
        }
        if (n instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof StringNode s) {
            return s.text();
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }

    private void printValue(Node n, Object v) {
        at(n);
        // Go's printableValue indirects a pointer before printing: a *sample prints as {map[...] 1}.
        if (v instanceof Sample smp) {
            v = new Sample.Deref(smp);
        }
        out.append(v == null ? "<no value>" : GoFmt.sprint1(v));
    }
}
