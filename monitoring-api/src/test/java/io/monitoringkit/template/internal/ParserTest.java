package io.monitoringkit.template.internal;

import io.monitoringkit.template.internal.Node.ActionNode;
import io.monitoringkit.template.internal.Node.BranchKind;
import io.monitoringkit.template.internal.Node.BranchNode;
import io.monitoringkit.template.internal.Node.CommandNode;
import io.monitoringkit.template.internal.Node.FieldNode;
import io.monitoringkit.template.internal.Node.ListNode;
import io.monitoringkit.template.internal.Node.NumberNode;
import io.monitoringkit.template.internal.Node.PipeNode;
import io.monitoringkit.template.internal.Node.TextNode;
import io.monitoringkit.template.internal.Node.VariableNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserTest {

    private static ListNode parse(String text) {
        return Parser.parse("t", text, Functions.ALL_NAMES, List.of("$labels", "$value")).trees().get("t");
    }

    @Test
    void buildsAnImmutableTreeOfTextActionsAndPipelines() {
        ListNode root = parse("a {{ $labels.job | printf \"%s!\" }} b");
        assertThat(root.nodes()).hasSize(3);
        assertThat(root.nodes().get(0)).isEqualTo(new TextNode(0, "a "));
        ActionNode action = (ActionNode) root.nodes().get(1);
        PipeNode pipe = action.pipe();
        assertThat(pipe.cmds()).hasSize(2);
        assertThat(pipe.cmds().get(0).args().get(0)).isInstanceOf(VariableNode.class)
                .extracting(n -> ((VariableNode) n).ident()).isEqualTo(List.of("$labels", "job"));
        assertThat(action).hasToString("{{$labels.job | printf \"%s!\"}}");
        assertThatThrownBy(() -> root.nodes().add(new TextNode(0, "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void trimMarkersRemoveAdjacentWhitespace() {
        ListNode root = parse("a \n\t{{- 1 -}} \n b");
        assertThat(root.nodes()).extracting(Object::toString).containsExactly("\"a\"", "{{1}}", "\"b\"");
    }

    @Test
    void aMinusWithoutSpaceIsANumberNotATrimMarker() {
        ListNode root = parse("{{-1}}");
        NumberNode n = (NumberNode) ((ActionNode) root.nodes().get(0)).pipe().cmds().get(0).args().get(0);
        assertThat(n.intValue()).isEqualTo(-1);
    }

    @Test
    void commentsVanish() {
        assertThat(parse("a{{/* c */}}b").nodes()).extracting(Object::toString).containsExactly("\"a\"", "\"b\"");
    }

    @Test
    void elseIfNestsAnIfInTheElseBranch() {
        BranchNode ifNode = (BranchNode) parse("{{ if 1 }}a{{ else if 2 }}b{{ else }}c{{ end }}").nodes().get(0);
        assertThat(ifNode.kind()).isEqualTo(BranchKind.IF);
        BranchNode inner = (BranchNode) ifNode.elseList().orElseThrow().nodes().get(0);
        assertThat(inner.kind()).isEqualTo(BranchKind.IF);
        assertThat(inner.elseList()).isPresent();
        assertThat(ifNode).hasToString("{{if 1}}\"a\"{{else}}{{if 2}}\"b\"{{else}}\"c\"{{end}}{{end}}");
    }

    @Test
    void rangeDeclaresIndexAndElementVariables() {
        BranchNode r = (BranchNode) parse("{{ range $i, $v := $labels }}{{ $i }}{{ $v }}{{ end }}").nodes().get(0);
        assertThat(r.pipe().decl()).extracting(Object::toString).containsExactly("$i", "$v");
        assertThat(r.pipe().isAssign()).isFalse();
    }

    @Test
    void variablesGoOutOfScopeAtEnd() {
        assertThatThrownBy(() -> parse("{{ if 1 }}{{ $x := 1 }}{{ end }}{{ $x }}"))
                .isInstanceOf(Parser.ParseError.class).hasMessage("undefined variable \"$x\"");
    }

    @Test
    void chainedFieldsOnParenthesizedPipelines() {
        ActionNode a = (ActionNode) parse("{{ (query \"up\").Labels.job }}").nodes().get(0);
        CommandNode cmd = a.pipe().cmds().get(0);
        assertThat(cmd.args().get(0)).isInstanceOf(Node.ChainNode.class).hasToString("(query \"up\").Labels.job");
        ActionNode f = (ActionNode) parse("{{ .Labels.job }}").nodes().get(0);
        assertThat(f.pipe().cmds().get(0).args().get(0)).isEqualTo(new FieldNode(10, List.of("Labels", "job")));
    }

    @Test
    void defineAndBlockAddTrees() {
        Parser.Parsed p = Parser.parse("t", "{{ define \"a\" }}x{{ end }}{{ block \"b\" . }}y{{ end }}",
                Functions.ALL_NAMES, List.of());
        assertThat(p.trees().keySet()).containsExactly("a", "b", "t");
        assertThat(p.trees().get("b").toString()).isEqualTo("\"y\"");
    }

    @Test
    void anEmptyRedefinitionIsAllowed() {
        Parser.Parsed p = Parser.parse("t", "{{ define \"a\" }}x{{ end }}{{ define \"a\" }} {{ end }}",
                Functions.ALL_NAMES, List.of());
        assertThat(p.trees().get("a").toString()).isEqualTo("\"x\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{{ 1 }}|true|true|true|1", "{{ 1.5 }}|false|false|true|1.5", "{{ 1e3 }}|true|true|true|1000",
        "{{ 'a' }}|true|true|true|97", "{{ 0x10 }}|true|true|true|16", "{{ -0 }}|true|true|true|0",
        "{{ 18446744073709551615 }}|false|true|true|1.8446744073709552E19"})
    void numbersCarryEveryGoInterpretation(String text, boolean isInt, boolean isUint, boolean isFloat,
                                           double floatValue) {
        NumberNode n = (NumberNode) ((ActionNode) parse(text).nodes().get(0)).pipe().cmds().get(0).args().get(0);
        assertThat(n.isInt()).isEqualTo(isInt);
        assertThat(n.isUint()).isEqualTo(isUint);
        assertThat(n.isFloat()).isEqualTo(isFloat);
        assertThat(n.floatValue()).isEqualTo(floatValue);
    }

    @Test
    void recordsTheFunctionsUsed() {
        Parser.Parsed p = Parser.parse("t", "{{ humanize 1 | printf \"%s\" }}{{ humanize 2 }}", Functions.ALL_NAMES,
                List.of());
        assertThat(p.functions()).containsExactly("humanize", "printf");
    }

    @Test
    void stringEscapesAreGos() {
        ActionNode a = (ActionNode) parse("{{ \"\\x41\\u00e9\\101\\t\" }}").nodes().get(0);
        assertThat(((Node.StringNode) a.pipe().cmds().get(0).args().get(0)).text()).isEqualTo("Aé\u0041\t");
        ActionNode raw = (ActionNode) parse("{{ `a\\n\r\nb` }}").nodes().get(0);
        assertThat(((Node.StringNode) raw.pipe().cmds().get(0).args().get(0)).text()).isEqualTo("a\\n\nb");
    }
}
