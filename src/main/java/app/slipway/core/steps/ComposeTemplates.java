package app.slipway.core.steps;

import app.slipway.core.profile.Profile;
import app.slipway.core.stack.ComposeFileEditor;

/** What a product's compose template becomes in a stack's directory. */
public final class ComposeTemplates {
    private ComposeTemplates() {}

    /** The template, with legacy services renamed where the template itself still has the old name. */
    public static String withRenames(String template, Profile profile, String composeName) {
        ComposeFileEditor.serviceNames(template, composeName); // a malformed file is refused here
        String text = template;
        for (var rename : profile.renames().entrySet()) {
            if (ComposeFileEditor.hasService(text, rename.getKey(), composeName)
                    && !ComposeFileEditor.hasService(text, rename.getValue(), composeName)) {
                text = ComposeFileEditor.renameService(text, rename.getKey(), rename.getValue(), composeName);
            }
        }
        return text;
    }
}
