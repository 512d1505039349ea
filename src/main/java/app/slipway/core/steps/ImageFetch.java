package app.slipway.core.steps;

import app.slipway.core.SlipwayException;
import app.slipway.core.engine.Engine;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.profile.ImageRef;
import app.slipway.core.profile.Profile;
import app.slipway.core.run.RunContext;

/**
 * Puts the images a change needs on the target's engine before the change: pulled from their
 * registry, or — for a product whose images are built on the machine (the demo) — found there.
 */
public final class ImageFetch {
    private ImageFetch() {}

    /** @param why what the user reads while it happens, e.g. "while 1.0.0 keeps serving" ("" for nothing) */
    public static void fetch(Engine engine, Profile profile, String ref, String why, RunContext run) {
        if (profile.localImages()) {
            if (!engine.imageExistsLocally(ref)) {
                throw SlipwayException.refused("Image " + ref + " is not on this engine, and " + profile.name()
                        + "'s images are built here, never pulled: run 'slipway demo' to build them; nothing was changed.");
            }
            return;
        }
        ImageRef image = ImageRef.parse(ref);
        run.listener().on(new RunEvent.Notice("Pulling " + ref + (why.isEmpty() ? "" : " " + why) + "."));
        engine.pull(image.repositoryWithRegistry(), image.tag().orElse("latest"),
                new PullEvents(ref, run.listener(), run.cancellation()));
        run.cancellation().checkpoint();
    }
}
