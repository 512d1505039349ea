package app.slipway.core.ecs;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the user chose for an ECS upgrade.
 *
 * @param to        the version every service moves to, spelled as the user typed it
 * @param healthUrl the load balancer's address (the profile's health path is added when it has none)
 * @param breakLock take this cluster's lock even though a run that is gone still holds it
 * @param tagsOf    the tags of an image repository, asked before anything is registered
 *                  ({@code RegistryTags.standard()::tags}: this computer's registry logins)
 */
public record EcsUpgradeOptions(String to, Optional<String> healthUrl, EcsTiming timing, boolean breakLock,
                                Function<String, Set<String>> tagsOf) {}
