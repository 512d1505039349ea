package app.slipway.core.state;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.*;
import app.slipway.core.engine.Engine;
import app.slipway.core.engine.PullListener;
import app.slipway.core.engine.ServiceContainer;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.stack.StackState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images a stack runs, by ID, and putting their tags back: if a tag moved (re-published
 * upstream, or re-pulled), a rollback must start the image that actually ran, not the tag's new one.
 * An image gone from the target since is pulled back by its recorded digest first.
 */
public final class ImagesInUse {
    private ImagesInUse() {}

    public static List<ImageInUse> of(StackState stack) {
        return stack.containers().stream()
                .filter(ServiceContainer::isRunning)
                .map(c -> new ImageInUse(c.service(), c.image(), c.imageId()))
                .toList();
    }

    /**
     * Pulls, by their recorded digest, the images that are no longer on the target (changing nothing
     * the stack runs, so a rollback can do it before its first change). An image without a digest
     * is left for {@link #restoreTags} to refuse.
     */
    public static void fetchMissing(Engine engine, List<ImageInUse> images, RunListener listener) {
        for (ImageInUse image : images) {
            if (image.imageId() == null || image.repoDigest() == null || engine.imageExistsLocally(image.imageId())) continue;
            if (engine.imageId(image.repoDigest()).isPresent()) continue;
            int at = image.repoDigest().indexOf('@');
            if (at <= 0) continue;
            listener.on(new RunEvent.LogLine("slipway", "Pulling " + image.repoDigest() + ", the image " + image.service()
                    + " ran, by digest: it is no longer on the target."));
            engine.pull(image.repoDigest().substring(0, at), image.repoDigest().substring(at + 1), PullListener.IGNORE);
        }
    }

    /**
     * Points every image's tag at the image that ran again — the recorded ID when the target still
     * has it, else what its digest pulls — and says which image each service must now run.
     *
     * @return service → the image ID its containers must run once the stack is started again
     */
    public static Map<String, String> restoreTags(Engine engine, List<ImageInUse> images, RunListener listener) {
        fetchMissing(engine, images, listener);
        var expected = new LinkedHashMap<String, String>();
        for (ImageInUse image : images) {
            if (image.imageId() == null || image.imageRef() == null) continue;
            String current = engine.imageId(image.imageRef()).orElse(null);
            if (image.imageId().equals(current)) {
                expected.put(image.service(), current);
                continue;
            }
            String source = source(engine, image);
            expected.put(image.service(), source);
            if (source.equals(current)) continue;
            ImageRef ref = ImageRef.parse(image.imageRef());
            if (ref.digest().isPresent() && ref.tag().isEmpty()) continue; // started by digest: no tag to move
            String tag = ref.tag().orElse("latest");
            engine.tag(source, ref.repositoryWithRegistry(), tag);
            listener.on(new RunEvent.LogLine("slipway", "Tagged the image " + shortId(source)
                    + " that " + image.service() + " ran as " + image.imageRef() + " again (the tag had moved)."));
        }
        return expected;
    }

    /**
     * The services whose running containers are not on the image {@link #restoreTags} expects, as
     * {@code "web runs sha256:ab12… instead of sha256:cd34… (repo:1.0.0)"}; empty when all are.
     */
    public static List<String> notAsRecorded(List<ServiceContainer> containers, Map<String, String> expected,
                                             List<ImageInUse> images) {
        var wrong = new ArrayList<String>();
        for (ServiceContainer c : containers) {
            String id = expected.get(c.service());
            if (id == null || c.oneOff() || !c.isRunning() || id.equals(c.imageId())) continue;
            String ref = images.stream().filter(i -> i.service().equals(c.service())).map(ImageInUse::imageRef)
                    .findFirst().orElse(c.image());
            wrong.add(c.service() + " runs " + shortId(c.imageId()) + " instead of " + shortId(id) + " (" + ref + ")");
        }
        return wrong;
    }

    /** The local image that ran: its recorded ID, else the one its digest resolves to (pulled by {@link #fetchMissing}). */
    private static String source(Engine engine, ImageInUse image) {
        if (engine.imageExistsLocally(image.imageId())) return image.imageId();
        if (image.repoDigest() != null) {
            var pulled = engine.imageId(image.repoDigest());
            if (pulled.isPresent()) return pulled.get();
        }
        throw new SlipwayException(ExitCode.ROLLBACK_FAILED, "The image " + shortId(image.imageId()) + " that "
                + image.service() + " ran as " + image.imageRef() + " is no longer on the target"
                + (image.repoDigest() == null ? " and no digest of it was recorded" : " and " + image.repoDigest()
                + " could not be pulled") + ": pull or build it again, then roll back.");
    }

    private static String shortId(String id) {
        if (id == null) return "an unknown image";
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
