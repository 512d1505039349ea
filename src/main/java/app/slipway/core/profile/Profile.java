package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Slipway knows about one product (README §Profiles). Immutable; load one with {@link ProfileLoader}.
 *
 * @param source built-in name ({@code strata}) or the absolute path of the profile file
 * @param name display name
 * @param versionVariable the {@code .env} key that pins every image in {@code images}
 * @param images repositories that always share one tag (lockstep), as written in the profile
 * @param health how the new version is judged healthy
 * @param renames legacy service name → current name, in profile order
 * @param backup what to save before a change
 * @param releases where versions and notes come from, if the profile says
 * @param install what a first install writes, if the profile supports installing
 * @param formerImages repositories the product's images were published under before (README
 *     §Profiles {@code former_images}): a stack on them is recognised, and its upgrade moves it
 *     to {@code images}
 * @param localImages the images are built on the machine that runs them (the demo, README §Profiles
 *     {@code local_images}): never pulled — they must be in the engine — and its versions need no registry
 */
public record Profile(
        String source,
        String name,
        String versionVariable,
        List<String> images,
        HealthCheck health,
        Map<String, String> renames,
        BackupSpec backup,
        Optional<ReleaseSource> releases,
        Optional<InstallSpec> install,
        List<String> formerImages,
        boolean localImages) {

    public Profile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(versionVariable, "versionVariable");
        Objects.requireNonNull(health, "health");
        images = List.copyOf(images);
        formerImages = formerImages == null ? List.of() : List.copyOf(formerImages);
        renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        backup = backup == null ? BackupSpec.NOTHING : backup;
        releases = releases == null ? Optional.empty() : releases;
        install = install == null ? Optional.empty() : install;
    }

    /** This profile with {@code backup} in place of its own. */
    public Profile withBackup(BackupSpec other) {
        return new Profile(source, name, versionVariable, images, health, renames, other, releases, install, formerImages,
                localImages);
    }

    /** The lockstep repositories, parsed and normalised. */
    public List<ImageRef> imageRefs() {
        return images.stream().map(ImageRef::parse).toList();
    }

    /** True when {@code image} is one of this profile's lockstep repositories (any tag or digest). */
    public boolean ownsImage(ImageRef image) {
        return imageRefs().stream().anyMatch(image::sameRepository)
                || formerImages.stream().map(ImageRef::parse).anyMatch(image::sameRepository);
    }

    /** The releases section, or a bad-input failure naming the profile when it has none. */
    public ReleaseSource requireReleases() {
        return releases.orElseThrow(() -> SlipwayException.badInput("Profile " + name + " (" + source
                + ") has no releases section, so versions and release notes are unknown: add releases.github to it."));
    }

    /** The install section, or a bad-input failure naming the profile when it has none. */
    public InstallSpec requireInstall() {
        return install.orElseThrow(() -> SlipwayException.badInput("Profile " + name + " (" + source
                + ") has no install section, so Slipway cannot install it: add install.compose to it."));
    }

    /** The legacy service names that {@code renames} maps onto {@code currentService}. */
    public List<String> legacyNamesOf(String currentService) {
        return renames.entrySet().stream()
                .filter(e -> e.getValue().equals(currentService))
                .map(Map.Entry::getKey)
                .toList();
    }
}
