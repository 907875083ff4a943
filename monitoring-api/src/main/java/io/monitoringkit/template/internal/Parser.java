package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.Lexer.Item;
import io.monitoringkit.template.internal.Lexer.Type;
import io.monitoringkit.template.internal.Node.BoolNode;
import io.monitoringkit.template.internal.Node.BranchKind;
import io.monitoringkit.template.internal.Node.BranchNode;
import io.monitoringkit.template.internal.Node.BreakNode;
import io.monitoringkit.template.internal.Node.ChainNode;
import io.monitoringkit.template.internal.Node.CommandNode;
import io.monitoringkit.template.internal.Node.ContinueNode;
import io.monitoringkit.template.internal.Node.DotNode;
import io.monitoringkit.template.internal.Node.ElseNode;
import io.monitoringkit.template.internal.Node.EndNode;
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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parser of Go's text/template: builds the trees of one template text (the top-level one and every
 * {@code define}/{@code block}) and fails as Go does, with Go's messages.
 */
public final class Parser {

    /** A parse failure. */
    public static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final int line;
        private final int pos;

        ParseError(String reason, int line, int pos) {
            super(reason, null, false, false);
            this.reason = reason;
            this.line = line;
            this.pos = pos;
        }

        /** @return Go's message without the "template: name:line: " prefix. */
        public String reason() {
            return reason;
        }

        /** @return the 1-based line Go reports. */
        public int line() {
            return line;
        }

        /** @return the char offset of the token where the error was found. */
        public int pos() {
            return pos;
        }
    }

    /**
     * The result of parsing.
     *
     * @param name the top-level template's name
     * @param text the text
     * @param trees the trees by name, the top-level one included
     * @param functions the function names the text uses
     */
    public record Parsed(String name, String text, Map<String, ListNode> trees, Set<String> functions) {
        /** Copies. */
        public Parsed {
            trees = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trees));
            functions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(functions));
        }
    }

    private final String text;
    private final Set<String> functions;
    private final Lexer lex;
    private final Item[] token = new Item[3];
    private int peekCount;
    private Item lastLexed;
    private List<String> vars = new ArrayList<>();
    private int rangeDepth;
    private int actionLine;
    private final Map<String, ListNode> treeSet = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    private final String parseName;

    private Parser(String name, String text, Set<String> functions) {
        this.parseName = name;
        this.text = text;
        this.functions = functions;
        this.lex = new Lexer(text);
    }

    /**
     * Parses a template text.
     *
     * @param name the top-level template's name
     * @param text the text
     * @param functions the names of the functions that exist
     * @param predeclared variables (besides {@code $}) visible in the top-level template, such as {@code $labels}
     * @throws ParseError as Go would fail
     */
    public static Parsed parse(String name, String text, Set<String> functions, List<String> predeclared) {
        Parser p = new Parser(name, text, functions);
        p.vars.add("$");
        p.vars.addAll(predeclared);
        ListNode root;
        try {
            root = p.parseTop();
        } catch (StackOverflowError e) {
            throw p.errorf("template nested too deeply to parse");
        }
        p.add(name, root);
        return new Parsed(name, text, p.treeSet, p.used);
    }

    // ---- token stream

    private Item lexNext() {
        Item i = lex.nextItem();
        lastLexed = i;
        return i;
    }

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lexNext();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lexNext();
        return token[0];
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == Type.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors

    private ParseError errorf(String msg) {
        Item at = lastLexed;
        return new ParseError(msg, at == null ? 1 : at.line(), at == null ? 0 : at.pos());
    }

    private ParseError unexpected(Item token, String context) {
        if (token.type() == Type.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return errorf(token.val() + extra);
        }
        return errorf("unexpected " + token + " in " + context);
    }

    private Item expect(Type expected, String context) {
        Item t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    // ---- trees

    private void add(String name, ListNode root) {
        ListNode existing = treeSet.get(name);
        if (existing == null || isEmptyTree(existing)) {
            treeSet.put(name, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + io.monitoringkit.model.GoStrings.quote(name));
        }
    }

    static boolean isEmptyTree(Node n) {
        if (n instanceof ListNode l) {
            for (Node c : l.nodes()) {
                if (!isEmptyTree(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof TextNode t) {
            return t.text().isBlank() && t.text().chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == 0x0b || c == '\f' || c == 0x85 || c == 0xa0);
        }
        return n instanceof Node.CommentNode;
    }

    private ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type() == Type.DEFINE) {
                    parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw errorf("unexpected " + n);
            }
            nodes.add(n);
        }
        return new ListNode(pos, nodes);
    }

    private void parseDefinition() {
        String context = "define clause";
        Item nameItem = nextNonSpace();
        if (nameItem.type() != Type.STRING && nameItem.type() != Type.RAW_STRING) {
            throw unexpected(nameItem, context);
        }
        String name;
        try {
            name = GoUnquote.unquote(nameItem.val());
        } catch (GoUnquote.SyntaxError e) {
            throw errorf(e.getMessage());
        }
        expect(Type.RIGHT_DELIM, context);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        ListNode root;
        Node end;
        Object[] r = itemList();
        root = (ListNode) r[0];
        end = (Node) r[1];
        if (!(end instanceof EndNode)) {
            throw errorf("unexpected " + end + " in " + context);
        }
        add(name, root);
        vars = savedVars;
        rangeDepth = savedDepth;
    }

    /** @return {list, terminating node} */
    private Object[] itemList() {
        int pos = peekNonSpace().pos();
        List<Node> nodes = new ArrayList<>();
        while (peekNonSpace().type() != Type.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Object[] {new ListNode(pos, nodes), n};
            }
            nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new TextNode(t.pos(), t.val());
            case LEFT_DELIM: {
                int saved = actionLine;
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = saved;
                }
            }
            default:
                throw unexpected(t, "input");
        }
    }

    private Node action() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(t, "break");
            case CONTINUE:
                return breakControl(t, "continue");
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
            case IF:
                return control(BranchKind.IF);
            case RANGE:
                return control(BranchKind.RANGE);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control(BranchKind.WITH);
            default:
                break;
        }
        backup();
        Item tok = peek();
        return new Node.ActionNode(tok.pos(), tok.line(), pipeline("command", Type.RIGHT_DELIM));
    }

    private Node breakControl(Item t, String word) {
        Item n = nextNonSpace();
        if (n.type() != Type.RIGHT_DELIM) {
            throw unexpected(n, "{{" + word + "}}");
        }
        if (rangeDepth == 0) {
            throw errorf("{{" + word + "}} outside {{range}}");
        }
        return word.equals("break") ? new BreakNode(t.pos(), t.line()) : new ContinueNode(t.pos(), t.line());
    }

    private Node elseControl() {
        Item peek = peekNonSpace();
        if (peek.type() == Type.IF || peek.type() == Type.WITH) {
            return new ElseNode(peek.pos(), peek.line());
        }
        Item t = expect(Type.RIGHT_DELIM, "else");
        return new ElseNode(t.pos(), t.line());
    }

    private BranchNode control(BranchKind kind) {
        String context = kind.name().toLowerCase(java.util.Locale.ROOT);
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            if (kind == BranchKind.RANGE) {
                rangeDepth++;
            }
            Object[] r = itemList();
            if (kind == BranchKind.RANGE) {
                rangeDepth--;
            }
            ListNode list = (ListNode) r[0];
            Node next = (Node) r[1];
            ListNode elseList = null;
            if (next instanceof ElseNode) {
                if (kind == BranchKind.IF && peek().type() == Type.IF) {
                    next();
                    elseList = new ListNode(next.pos(), List.of(control(BranchKind.IF)));
                } else if (kind == BranchKind.WITH && peek().type() == Type.WITH) {
                    next();
                    elseList = new ListNode(next.pos(), List.of(control(BranchKind.WITH)));
                } else {
                    Object[] e = itemList();
                    elseList = (ListNode) e[0];
                    if (!(e[1] instanceof EndNode)) {
                        throw errorf("expected end; found " + e[1]);
                    }
                }
            }
            return new BranchNode(kind, pipe.pos(), pipe.line(), pipe, list, Optional.ofNullable(elseList));
        } finally {
            while (vars.size() > mark) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private Node blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String name = parseTemplateName(t, context);
        PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
        List<String> savedVars = vars;
        int savedDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        Object[] r = itemList();
        vars = savedVars;
        rangeDepth = savedDepth;
        if (!(r[1] instanceof EndNode)) {
            throw errorf("unexpected " + r[1] + " in " + context);
        }
        add(name, (ListNode) r[0]);
        return new TemplateNode(t.pos(), t.line(), name, Optional.of(pipe));
    }

    private Node templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String name = parseTemplateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != Type.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Type.RIGHT_DELIM);
        }
        return new TemplateNode(t.pos(), t.line(), name, Optional.ofNullable(pipe));
    }

    private String parseTemplateName(Item t, String context) {
        if (t.type() == Type.STRING || t.type() == Type.RAW_STRING) {
            try {
                return GoUnquote.unquote(t.val());
            } catch (GoUnquote.SyntaxError e) {
                throw errorf(e.getMessage());
            }
        }
        throw unexpected(t, context);
    }

    private PipeNode pipeline(String context, Type end) {
        Item first = peekNonSpace();
        boolean isAssign = false;
        List<VariableNode> decl = new ArrayList<>();
        List<CommandNode> cmds = new ArrayList<>();
        decls:
        while (true) {
            Item v = peekNonSpace();
            if (v.type() != Type.VARIABLE) {
                break;
            }
            next();
            Item tokenAfterVariable = peek();
            Item nxt = peekNonSpace();
            if (nxt.type() == Type.ASSIGN || nxt.type() == Type.DECLARE) {
                isAssign = nxt.type() == Type.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
            } else if (nxt.type() == Type.CHAR && nxt.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Type pt = peekNonSpace().type();
                    if (pt == Type.VARIABLE || pt == Type.RIGHT_DELIM || pt == Type.RIGHT_PAREN) {
                        continue decls;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            } else if (tokenAfterVariable.type() == Type.SPACE) {
                backup3(v, tokenAfterVariable);
            } else {
                backup2(v);
            }
            break;
        }
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                PipeNode pipe = new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds().size(); i++) {
            Node first = pipe.cmds().get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Item t = next();
            switch (t.type()) {
                case SPACE:
                    continue;
                case RIGHT_DELIM, RIGHT_PAREN:
                    backup();
                    break;
                case PIPE:
                    break;
                default:
                    throw unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw errorf("empty command");
        }
        return new CommandNode(pos, args);
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int pos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == Type.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                for (String s : fields) {
                    all.addAll(Arrays.asList(s.split("\\.", -1)));
                }
                return new FieldNode(pos, all);
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                for (String s : fields) {
                    all.addAll(Arrays.asList(s.split("\\.", -1)));
                }
                return new VariableNode(pos, all);
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw errorf("unexpected . after term " + io.monitoringkit.model.GoStrings.quote(node.toString()));
            }
            return new ChainNode(pos, node, fields);
        }
        return node;
    }

    private Node term() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!functions.contains(t.val())) {
                    throw errorf("function " + io.monitoringkit.model.GoStrings.quote(t.val()) + " not defined");
                }
                used.add(t.val());
                return new IdentifierNode(t.pos(), t.val());
            case DOT:
                return new DotNode(t.pos());
            case NIL:
                return new NilNode(t.pos());
            case VARIABLE:
                return useVar(t);
            case FIELD:
                return new FieldNode(t.pos(), List.of(t.val().substring(1)));
            case BOOL:
                return new BoolNode(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                return newNumber(t);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
            case STRING, RAW_STRING:
                try {
                    return new StringNode(t.pos(), t.val(), GoUnquote.unquote(t.val()));
                } catch (GoUnquote.SyntaxError e) {
                    throw errorf(e.getMessage());
                }
            default:
                backup();
                return null;
        }
    }

    private Node useVar(Item t) {
        List<String> ident = Arrays.asList(t.val().split("\\.", -1));
        String name = ident.get(0);
        if (!vars.contains(name)) {
            throw errorf("undefined variable " + io.monitoringkit.model.GoStrings.quote(name));
        }
        return new VariableNode(t.pos(), ident);
    }

    private static final BigInteger MAX_UINT = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NumberNode newNumber(Item t) {
        String s = t.val();
        if (t.type() == Type.CHAR_CONSTANT) {
            StringBuilder sb = new StringBuilder();
            int[] i = {1};
            int r;
            try {
                if (s.length() < 3) {
                    throw new GoUnquote.SyntaxError();
                }
                r = GoUnquote.appendChar(sb, s, i, '\'');
            } catch (GoUnquote.SyntaxError e) {
                throw errorf("invalid syntax");
            }
            if (!s.substring(i[0]).equals("'")) {
                throw errorf("malformed character constant: " + s);
            }
            return new NumberNode(t.pos(), s, true, true, true, r, r, r);
        }
        if (t.type() == Type.COMPLEX || s.endsWith("i")) {
            throw errorf("complex constants are not supported: " + s);
        }
        BigInteger u = GoFloat.parseIntBase0(s, false);
        BigInteger i = GoFloat.parseIntBase0(s, true);
        boolean isUint = u != null;
        boolean isInt = i != null;
        long uv = isUint ? u.longValue() : 0;
        long iv = isInt ? i.longValue() : 0;
        if (isInt && iv == 0) {
            isUint = true; // -0
            uv = 0;
        }
        boolean isFloat = false;
        double fv = 0;
        if (isInt) {
            isFloat = true;
            fv = iv;
        } else if (isUint) {
            isFloat = true;
            fv = u.doubleValue();
        } else {
            try {
                double f = GoFloat.parseFloat(s.replace("_", ""));
                if (!containsAny(s, ".eEpP")) {
                    throw errorf("integer overflow: " + io.monitoringkit.model.GoStrings.quote(s));
                }
                isFloat = true;
                fv = f;
                if (!Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 9.223372036854775807E18) {
                    isInt = true;
                    iv = (long) f;
                }
                if (!Double.isInfinite(f) && f == Math.rint(f) && f >= 0 && f < 1.8446744073709552E19) {
                    isUint = true;
                    uv = new java.math.BigDecimal(f).toBigInteger().and(MAX_UINT).longValue();
                }
            } catch (GoFloat.NumError e) {
                // not a float either
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw errorf("illegal number syntax: " + io.monitoringkit.model.GoStrings.quote(s));
        }
        return new NumberNode(t.pos(), s, isInt, isUint, isFloat, iv, uv, fv);
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
