package io.monitoringkit.template.internal;

import io.monitoringkit.model.GoStrings;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The immutable syntax tree of a template, node for node as Go's text/template/parse builds it. {@code toString()}
 * prints a node as Go does in error messages.
 */
public sealed interface Node {

    /** @return the char offset of the node in the template text. */
    int pos();

    /** A sequence of nodes. @param pos offset @param nodes the nodes */
    record ListNode(int pos, List<Node> nodes) implements Node {
        /** Copies. */
        public ListNode {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String toString() {
            return nodes.stream().map(Object::toString).collect(Collectors.joining());
        }
    }

    /** Plain text. @param pos offset @param text the text */
    record TextNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            String s = text.codePointCount(0, text.length()) > 20
                    ? GoStrings.quote(text.substring(0, text.offsetByCodePoints(0, 20))) + "..."
                    : GoStrings.quote(text);
            return s;
        }
    }

    /** {@code {{ pipeline }}}. @param pos offset @param line line @param pipe the pipeline */
    record ActionNode(int pos, int line, PipeNode pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /**
     * Declarations and commands joined by {@code |}.
     *
     * @param pos offset
     * @param line line
     * @param isAssign whether the variables are assigned ({@code =}) rather than declared ({@code :=})
     * @param decl the variables
     * @param cmds the commands
     */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements Node {
        /** Copies. */
        public PipeNode {
            decl = List.copyOf(decl);
            cmds = List.copyOf(cmds);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!decl.isEmpty()) {
                sb.append(decl.stream().map(Object::toString).collect(Collectors.joining(", ")));
                sb.append(isAssign ? " = " : " := ");
            }
            sb.append(cmds.stream().map(Object::toString).collect(Collectors.joining(" | ")));
            return sb.toString();
        }
    }

    /** Space-separated operands. @param pos offset @param args the operands */
    record CommandNode(int pos, List<Node> args) implements Node {
        /** Copies. */
        public CommandNode {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return args.stream().map(a -> a instanceof PipeNode ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    /** A function name. @param pos offset @param name the name */
    record IdentifierNode(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code $x.Field.Other}. @param pos offset @param ident the variable name then the field names */
    record VariableNode(int pos, List<String> ident) implements Node {
        /** Copies. */
        public VariableNode {
            ident = List.copyOf(ident);
        }

        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    /** The cursor, {@code .}. @param pos offset */
    record DotNode(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    /** The untyped {@code nil}. @param pos offset */
    record NilNode(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code .Field.Other}. @param pos offset @param ident the field names */
    record FieldNode(int pos, List<String> ident) implements Node {
        /** Copies. */
        public FieldNode {
            ident = List.copyOf(ident);
        }

        @Override
        public String toString() {
            return ident.stream().map(s -> "." + s).collect(Collectors.joining());
        }
    }

    /** {@code (pipeline).Field}. @param pos offset @param node the term @param fields the field names */
    record ChainNode(int pos, Node node, List<String> fields) implements Node {
        /** Copies. */
        public ChainNode {
            fields = List.copyOf(fields);
        }

        @Override
        public String toString() {
            String s = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return s + fields.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    /** {@code true} or {@code false}. @param pos offset @param value the value */
    record BoolNode(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A number constant with every interpretation Go finds for it.
     *
     * @param pos offset
     * @param text the literal
     * @param isInt fits int64
     * @param isUint fits uint64
     * @param isFloat representable as float64
     * @param intValue the int64 value
     * @param uintValue the uint64 value (as bits)
     * @param floatValue the float64 value
     */
    record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long intValue,
                      long uintValue, double floatValue) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant. @param pos offset @param quoted the literal @param text the value */
    record StringNode(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /**
     * {@code if}, {@code range} or {@code with}.
     *
     * @param kind which one
     * @param pos offset
     * @param line line
     * @param pipe the pipeline
     * @param list the body
     * @param elseList the else part
     */
    record BranchNode(BranchKind kind, int pos, int line, PipeNode pipe, ListNode list, Optional<ListNode> elseList)
            implements Node {
        @Override
        public String toString() {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return "{{" + name + " " + pipe + "}}" + list
                    + elseList.map(e -> "{{else}}" + e).orElse("") + "{{end}}";
        }
    }

    /** The three branching actions. */
    enum BranchKind { IF, RANGE, WITH }

    /** {@code {{template "name" pipeline}}}. @param pos offset @param line line @param name the name @param pipe the argument */
    record TemplateNode(int pos, int line, String name, Optional<PipeNode> pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + GoStrings.quote(name) + pipe.map(p -> " " + p).orElse("") + "}}";
        }
    }

    /** {@code {{break}}}. @param pos offset @param line line */
    record BreakNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    /** {@code {{continue}}}. @param pos offset @param line line */
    record ContinueNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** A comment, kept for completeness. @param pos offset @param text the comment */
    record CommentNode(int pos, String text) implements Node {
        @Override
        public String toString() {
            return "{{" + text + "}}";
        }
    }

    /** {@code {{end}}}, only during parsing. @param pos offset */
    record EndNode(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** {@code {{else}}}, only during parsing. @param pos offset @param line line */
    record ElseNode(int pos, int line) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
