package app.slipway.core.state;

import app.slipway.core.events.*;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.ImageInUse;
import java.util.List;

/**
 * The images a stack runs, by ID, and putting their tags back: if a tag moved (re-published
 * upstream, or re-pulled), a rollback must start the image that actually ran, not the tag's new one.
 */
public final class ImagesInUse {
    private ImagesInUse() {}

    public static List<ImageInUse> of(StackState stack) {
        return stack.containers().stream()
                .filter(ServiceContainer::isRunning)
                .map(c -> new ImageInUse(c.service(), c.image(), c.imageId()))
                .toList();
    }

    public static void restoreTags(Engine engine, List<ImageInUse> images, RunListener listener) {
        for (ImageInUse image : images) {
            if (image.imageId() == null || image.imageRef() == null) continue;
            String current = engine.imageId(image.imageRef()).orElse(null);
            if (image.imageId().equals(current)) continue;
            ImageRef ref = ImageRef.parse(image.imageRef());
            String tag = ref.tag().orElse("latest");
            engine.tag(image.imageId(), ref.repositoryWithRegistry(), tag);
            listener.on(new RunEvent.LogLine("slipway", "Tagged the image " + shortId(image.imageId())
                    + " that " + image.service() + " ran as " + image.imageRef() + " again (the tag had moved)."));
        }
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
