package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Edits a docker-compose.yml as text: the file is only parsed to find where things are, and the
 * change is spliced into the original, so every comment, blank line, quote, anchor, ordering and
 * line ending the user had stays as it was.
 */
public final class ComposeFileEditor {
    public static final String DEFAULT_FILE_NAME = "docker-compose.yml";

    /** The Compose specification's rule for service names. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    private ComposeFileEditor() {}

    /** The service names under {@code services:}, in file order. */
    public static List<String> serviceNames(String yamlText) {
        return serviceNames(yamlText, DEFAULT_FILE_NAME);
    }

    public static List<String> serviceNames(String yamlText, String fileName) {
        return ComposeDocument.parse(yamlText, fileName).serviceNames();
    }

    public static boolean hasService(String yamlText, String name) {
        return hasService(yamlText, name, DEFAULT_FILE_NAME);
    }

    public static boolean hasService(String yamlText, String name, String fileName) {
        return ComposeDocument.parse(yamlText, fileName).service(name).isPresent();
    }

    /** As {@link #renameService(String, String, String, String)} for a file named docker-compose.yml. */
    public static String renameService(String yamlText, String from, String to) {
        return renameService(yamlText, from, to, DEFAULT_FILE_NAME);
    }

    /**
     * Renames service {@code from} to {@code to} and every reference to it in other services
     * (see {@link ServiceReferences}). Idempotent: without a service {@code from} the text comes
     * back unchanged. Refuses (bad input) invalid YAML, a file without services, an invalid new
     * name, and a {@code to} that already exists.
     */
    public static String renameService(String yamlText, String from, String to, String fileName) {
        if (to == null || !SERVICE_NAME.matcher(to).matches()) {
            throw SlipwayException.badInput("'" + to + "' is not a valid service name: use letters, digits, '.', '_'"
                    + " and '-'.");
        }
        ComposeDocument document = ComposeDocument.parse(yamlText, fileName);
        NodeTuple service = document.service(from).orElse(null);
        if (service == null || from.equals(to)) {
            return yamlText;
        }
        if (document.service(to).isPresent()) {
            throw SlipwayException.badInput(fileName + " already has a service '" + to + "' besides '" + from
                    + "'; remove one of them by hand and try again.");
        }
        TextSplices splices = new TextSplices();
        ScalarRewrite rewrite = new ScalarRewrite(yamlText, fileName);
        rewrite.rewrite((ScalarNode) service.getKeyNode(), to, splices);
        for (ServiceReferences.Reference reference : ServiceReferences.find(document, from, to)) {
            rewrite.rewrite(reference.node(), reference.newValue(), splices);
        }
        String renamed = splices.applyTo(yamlText);
        checkRenamed(document.serviceNames(), renamed, from, to, fileName);
        return renamed;
    }

    /**
     * Each service's {@code image:} as written (variables not interpolated), in file order;
     * services without an image (built ones) are left out.
     */
    public static java.util.LinkedHashMap<String, String> serviceImages(String yamlText, String fileName) {
        var images = new java.util.LinkedHashMap<String, String>();
        ComposeDocument document = ComposeDocument.parse(yamlText, fileName);
        for (String name : document.serviceNames()) {
            document.service(name).ifPresent(tuple -> {
                if (tuple.getValueNode() instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
                    YamlNodes.valueOf(m, "image").filter(n -> n instanceof ScalarNode)
                            .ifPresent(n -> images.put(name, YamlNodes.scalarText(n)));
                }
            });
        }
        return images;
    }

    /** Writes {@code image} as the service's {@code image:} value, in the scalar's own style; every other byte kept. */
    public static String rewriteImage(String yamlText, String service, String image, String fileName) {
        ComposeDocument document = ComposeDocument.parse(yamlText, fileName);
        NodeTuple tuple = document.service(service).orElseThrow(() -> SlipwayException.badInput(
                fileName + " has no service '" + service + "'."));
        if (!(tuple.getValueNode() instanceof org.yaml.snakeyaml.nodes.MappingNode m)) return yamlText;
        ScalarNode node = (ScalarNode) YamlNodes.valueOf(m, "image").filter(n -> n instanceof ScalarNode)
                .orElseThrow(() -> SlipwayException.badInput("Service '" + service + "' in " + fileName + " has no image."));
        TextSplices splices = new TextSplices();
        new ScalarRewrite(yamlText, fileName).rewrite(node, image, splices);
        return splices.applyTo(yamlText);
    }

    /** A bug here must not reach the user's disk: the result has to list the same services, renamed. */
    private static void checkRenamed(List<String> before, String renamed, String from, String to, String fileName) {
        List<String> expected = new ArrayList<>(before);
        expected.replaceAll(name -> name.equals(from) ? to : name);
        List<String> after;
        try {
            after = ComposeDocument.parse(renamed, fileName).serviceNames();
        } catch (SlipwayException e) {
            throw new IllegalStateException("renaming " + from + " to " + to + " broke " + fileName, e);
        }
        if (!after.equals(expected)) {
            throw new IllegalStateException("renaming " + from + " to " + to + " in " + fileName
                    + " produced services " + after + " instead of " + expected);
        }
    }
}
