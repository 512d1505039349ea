package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Rewrites one scalar in place: its span is found from snakeyaml's marks and the new value is
 * written in the scalar's own style (plain, 'single' or "double" quoted), keeping any
 * {@code &anchor} or {@code !tag} in front of it.
 */
final class ScalarRewrite {
    private static final Resolver RESOLVER = new Resolver();

    private final String text;
    private final String fileName;
    private final boolean oneCharPerCodePoint;

    ScalarRewrite(String text, String fileName) {
        this.text = text;
        this.fileName = fileName;
        this.oneCharPerCodePoint = text.codePointCount(0, text.length()) == text.length();
    }

    void rewrite(ScalarNode node, String newValue, TextSplices splices) {
        int start = index(node.getStartMark());
        int end = index(node.getEndMark());
        int scalarStart = skipProperties(start, end);
        String written = text.substring(scalarStart, end);
        ScalarStyle style = node.getScalarStyle();
        String replacement = switch (style) {
            case PLAIN -> isPlainString(newValue) ? newValue : doubleQuoted(newValue);
            case SINGLE_QUOTED -> "'" + newValue.replace("'", "''") + "'";
            case DOUBLE_QUOTED -> doubleQuoted(newValue);
            default -> throw SlipwayException.badInput(fileName + " writes the service name '" + node.getValue()
                    + "' as a block scalar (line " + (node.getStartMark().getLine() + 1) + "); write it on one line"
                    + " and try again.");
        };
        if (!looksLike(written, style, node.getValue())) {
            throw new IllegalStateException("YAML marks do not point at '" + node.getValue() + "' in " + fileName);
        }
        splices.replace(scalarStart, end, replacement);
    }

    /** snakeyaml counts code points; Java strings count UTF-16 chars (emoji take two). */
    private int index(Mark mark) {
        return oneCharPerCodePoint ? mark.getIndex() : text.offsetByCodePoints(0, mark.getIndex());
    }

    /** A node's span starts at its {@code &anchor} / {@code !tag} if it has them. */
    private int skipProperties(int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
            while (i < end && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < end && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** A guard against editing the wrong bytes if marks and text ever disagree. */
    private static boolean looksLike(String written, ScalarStyle style, String value) {
        return switch (style) {
            case PLAIN -> written.equals(value);
            case SINGLE_QUOTED -> written.length() >= 2 && written.startsWith("'") && written.endsWith("'");
            default -> written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"");
        };
    }

    /** Plain is kept unless the name would read as a number, boolean or null (e.g. 123, yes). */
    private static boolean isPlainString(String value) {
        return RESOLVER.resolve(NodeId.scalar, value, true).equals(Tag.STR);
    }

    private static String doubleQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
