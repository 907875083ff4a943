package io.monitoringkit.operator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.monitoringkit.operator.Violation;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads (multi-document) YAML the way kubectl and the API server see it — YAML 1.1 scalars, as sigs.k8s.io/yaml
 * resolves them — into JSON trees, and reports what silently changes type on the way: an unquoted {@code No},
 * {@code on} or {@code y} is a boolean there, and duplicate keys are rejected by strict field validation.
 */
public final class YamlDocuments {
    private YamlDocuments() {
    }

    /** One document: its 1-based index, its tree and the problems found while reading it. */
    public record Document(int index, JsonNode tree, List<Violation> problems) {
    }

    private static final Set<String> YAML12_BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");
    private static final Pattern YAML11_TRUE = Pattern.compile("y|Y|yes|Yes|YES|on|On|ON");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** @throws RuntimeException (SnakeYAML's) when the text is not YAML */
    public static List<Document> read(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(50);
        Yaml parser = new Yaml(options);
        List<Document> out = new ArrayList<>();
        int index = 0;
        for (Node node : parser.composeAll(new StringReader(yaml))) {
            index++;
            if (node == null) {
                continue;
            }
            List<Violation> problems = new ArrayList<>();
            JsonNode tree = convert(node, "", problems, 0);
            if (tree.isNull() || (tree.isTextual() && tree.asText().isBlank())) {
                continue;
            }
            out.add(new Document(index, tree, problems));
        }
        return out;
    }

    private static JsonNode convert(Node node, String path, List<Violation> problems, int depth) {
        if (depth > 100) {
            throw new IllegalArgumentException(path + ": nested more than 100 levels deep");
        }
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                String p = Schema.join(path, key);
                if (o.has(key)) {
                    problems.add(new Violation(p, "duplicate field"));
                }
                o.set(key, convert(t.getValueNode(), p, problems, depth + 1));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            int i = 0;
            for (Node item : s.getValue()) {
                a.add(convert(item, path + "[" + i++ + "]", problems, depth + 1));
            }
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        Tag tag = s.getTag();
        if (!plain || Tag.STR.equals(tag)) {
            return F.textNode(v);
        }
        if (Tag.NULL.equals(tag)) {
            return F.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            if (YAML12_BOOLEANS.contains(v)) {
                return F.booleanNode(v.equalsIgnoreCase("true"));
            }
            boolean value = YAML11_TRUE.matcher(v).matches();
            problems.add(new Violation(path, "unquoted " + v + " is the boolean " + value + " for kubectl and the"
                    + " API server (YAML 1.1); write " + value + " for a boolean or quote it (\"" + v + "\") for a"
                    + " string"));
            return F.textNode(v);
        }
        if (Tag.INT.equals(tag)) {
            try {
                BigInteger n = parseInt(v.replace("_", ""));
                if (n.bitLength() < 32) {
                    return F.numberNode(n.intValue());
                }
                return n.bitLength() < 64 ? F.numberNode(n.longValue()) : F.numberNode(n);
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return F.numberNode(Double.parseDouble(v.replace("_", "")));
            } catch (NumberFormatException e) {
                return F.textNode(v);
            }
        }
        return F.textNode(v);
    }

    private static BigInteger parseInt(String v) {
        String s = v;
        boolean negative = s.startsWith("-");
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        BigInteger n;
        if (s.startsWith("0x")) {
            n = new BigInteger(s.substring(2), 16);
        } else if (s.startsWith("0b")) {
            n = new BigInteger(s.substring(2), 2);
        } else if (s.length() > 1 && s.startsWith("0") && !s.contains(":")) {
            n = new BigInteger(s.substring(1), 8);
        } else {
            n = new BigInteger(s);
        }
        return negative ? n.negate() : n;
    }
}
